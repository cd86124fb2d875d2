import { URGENT_TOPICS, type Channel, type Topic } from '../../src/notifications/notification-topics.js';
import {
  NOTIFICATION_EVENT_TYPES,
  type NotificationEvent,
} from '../../src/notifications/notification.events.js';
import type { NotificationStatus } from '../../src/notifications/notification.decider.js';
import type { Projection } from '../projection.js';

/** One message as the sender and its owner see it: what, to whom (masked), and where it stands. */
export interface NotificationView {
  readonly messageId: string;
  readonly channel: Channel;
  readonly userId: string | null;
  readonly to: string;
  readonly municipality: string | null;
  readonly status: NotificationStatus;
  readonly topics: readonly Topic[];
  /** An SMS about an urgent topic is not held through quiet hours. */
  readonly urgent: boolean;
  /** UTC ISO-8601: when the sender takes it next (the window's close, or the next retry). */
  readonly dueAt: string;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly queuedAt: string;
  readonly updatedAt: string;
}

export const notificationsProjection: Projection<NotificationView, NotificationEvent> = {
  name: 'notifications',
  version: 2,
  handles: NOTIFICATION_EVENT_TYPES,
  indexes: [['status', 'dueAt'], 'userId'],
  documentId: (event) => event.data.messageId,
  evolve: (doc, event) => {
    const at = event.metadata.recordedAt;
    const e = event as NotificationEvent;
    switch (e.type) {
      case 'NotificationQueued': {
        const { item } = e.data;
        if (doc) {
          return {
            ...doc,
            // What the message is about, each topic once: a digest held for days stays small.
            topics: doc.topics.includes(item.topic) ? doc.topics : [...doc.topics, item.topic],
            urgent: doc.urgent || URGENT_TOPICS.has(item.topic),
            updatedAt: at,
          };
        }
        return {
          messageId: e.data.messageId,
          channel: e.data.channel,
          userId: e.data.recipient.userId ?? null,
          to: e.data.recipient.masked,
          municipality: e.data.municipality,
          status: 'queued',
          topics: [item.topic],
          urgent: URGENT_TOPICS.has(item.topic),
          dueAt: e.data.sendAfter,
          attempts: 0,
          lastError: null,
          queuedAt: at,
          updatedAt: at,
        };
      }
      case 'NotificationSent':
        return doc && { ...doc, status: 'sent', attempts: e.data.attempt, updatedAt: at };
      case 'NotificationFailed':
        return (
          doc && {
            ...doc,
            status: e.data.retryAt === undefined ? 'given_up' : 'queued',
            dueAt: e.data.retryAt ?? doc.dueAt,
            attempts: e.data.attempt,
            lastError: e.data.reason,
            updatedAt: at,
          }
        );
      case 'NotificationSkipped':
        return {
          messageId: e.data.messageId,
          channel: e.data.channel,
          userId: e.data.recipient.userId ?? null,
          to: e.data.recipient.masked,
          municipality: doc?.municipality ?? null,
          topics: doc?.topics ?? e.data.topics,
          urgent: false,
          dueAt: doc?.dueAt ?? at,
          attempts: doc?.attempts ?? 0,
          lastError: e.data.reason,
          queuedAt: doc?.queuedAt ?? at,
          status: 'skipped',
          updatedAt: at,
        };
      default: {
        const unknown: never = e;
        return unknown;
      }
    }
  },
};
