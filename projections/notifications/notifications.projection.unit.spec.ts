import type { RecordedEvent } from '../../src/event-store/event-envelope.js';
import { notificationStream, type NotificationEvent } from '../../src/notifications/notification.events.js';
import {
  failed,
  messageId,
  queued,
  reason,
  sendAfter,
  sent,
  skipped as skippedForNoAddress,
} from '../../src/notifications/notification.fixtures.js';
import { notificationsProjection, type NotificationView } from './notifications.projection.js';

const START = Date.parse('2026-11-25T10:01:00.000Z');
const minuteAt = (n: number) => new Date(START + n * 60_000).toISOString();

/** Nobody to tell: no account for the national id, so no user id and the national id masked. */
const skipped: NotificationEvent = {
  type: 'NotificationSkipped',
  data: {
    ...skippedForNoAddress.data,
    channel: 'email',
    recipient: { masked: '001***419' },
    reason: 'no_account',
    topics: ['file_received'],
  },
};

/** The events as the store records them, a minute apart. */
function recorded(events: readonly NotificationEvent[]): RecordedEvent<NotificationEvent>[] {
  return events.map(
    (event, i) =>
      ({
        ...event,
        id: `event-${i}`,
        stream: notificationStream(messageId),
        revision: BigInt(i),
        position: String(i + 1),
        metadata: {
          actor: { id: 'system:notifications', role: 'system' },
          correlationId: 'c',
          causationId: 'r',
          recordedAt: minuteAt(i),
          schemaVersion: 1,
        },
      }) as RecordedEvent<NotificationEvent>,
  );
}

const fold = (events: readonly NotificationEvent[]) =>
  recorded(events).reduce<NotificationView | null>(
    (doc, event) => notificationsProjection.evolve(doc, event),
    null,
  );

describe('notifications projection', () => {
  const opened = [queued('event-1', 'survey_scheduled')];
  const twoItems = [...opened, queued('event-2', 'commission_ruling')];
  const retrying = [...twoItems, failed(1, '2026-11-25T10:06:00.000Z')];

  it('names each topic of a held message once, however many notices of it the message carries', () => {
    const many = [
      ...twoItems,
      ...Array.from({ length: 50 }, (_, i) => queued(`event-${i + 3}`, 'survey_scheduled')),
    ];
    expect(fold(many)!.topics).toEqual(['survey_scheduled', 'commission_ruling']);
  });

  it('keeps one view per message', () => {
    const [event] = recorded(opened);
    expect(notificationsProjection.documentId(event!)).toBe(messageId);
  });

  it('queues the message, due when its window closes', () => {
    expect(fold(opened)).toEqual({
      messageId,
      channel: 'sms',
      userId: 'user-citizen',
      to: '0912***4567',
      municipality: 'hamedan',
      status: 'queued',
      topics: ['survey_scheduled'],
      urgent: false,
      dueAt: sendAfter,
      attempts: 0,
      lastError: null,
      queuedAt: minuteAt(0),
      updatedAt: minuteAt(0),
    });
  });

  it('adds the topics of more news, and an urgent one makes the message urgent', () => {
    expect(fold(twoItems)).toMatchObject({
      status: 'queued',
      topics: ['survey_scheduled', 'commission_ruling'],
      urgent: true,
      dueAt: sendAfter,
      queuedAt: minuteAt(0),
      updatedAt: minuteAt(1),
    });
  });

  it('stays queued after a failure with a retry, due at the retry', () => {
    expect(fold(retrying)).toMatchObject({
      status: 'queued',
      dueAt: '2026-11-25T10:06:00.000Z',
      attempts: 1,
      lastError: reason,
    });
  });

  it('is sent, counting every attempt', () => {
    expect(fold([...retrying, sent(2)])).toMatchObject({
      status: 'sent',
      attempts: 2,
      topics: ['survey_scheduled', 'commission_ruling'],
      updatedAt: minuteAt(3),
    });
  });

  it('is given up after a failure without a retry', () => {
    expect(fold([...opened, failed(1)])).toMatchObject({
      status: 'given_up',
      dueAt: sendAfter,
      attempts: 1,
      lastError: reason,
    });
  });

  it('records a message skipped before it was ever queued', () => {
    expect(fold([skipped])).toEqual({
      messageId,
      channel: 'email',
      userId: null,
      to: '001***419',
      municipality: null,
      status: 'skipped',
      topics: ['file_received'],
      urgent: false,
      dueAt: minuteAt(0),
      attempts: 0,
      lastError: 'no_account',
      queuedAt: minuteAt(0),
      updatedAt: minuteAt(0),
    });
  });

  it('keeps what a queued message was about when it is skipped', () => {
    expect(fold([...opened, skippedForNoAddress])).toMatchObject({
      status: 'skipped',
      userId: 'user-citizen',
      municipality: 'hamedan',
      topics: ['survey_scheduled'],
      queuedAt: minuteAt(0),
      updatedAt: minuteAt(1),
    });
  });
});
