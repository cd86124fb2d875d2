// Spec fixtures: one SMS to a citizen, its window closing at 10:05, and the events of its life.
import type { NotificationItem } from './notification-topics.js';
import type { NotificationEvent } from './notification.events.js';

export const messageId = 'a'.repeat(32);
export const recipient = { userId: 'user-citizen', masked: '0912***4567' };
export const sendAfter = '2026-11-25T10:05:00.000Z';
export const reason = 'provider answered 502';

/** News of the file; a commission's ruling is urgent. */
export const item = (
  cause: string,
  topic: 'survey_scheduled' | 'commission_ruling' = 'survey_scheduled',
): NotificationItem => {
  const news = { cause, at: '2026-11-25T10:01:00.000Z', trackingNumber: '8923697879' };
  return topic === 'survey_scheduled'
    ? { ...news, topic, facts: {} }
    : { ...news, topic, facts: { ruling: 'demolition', reference: 'C100-1405-18' } };
};

export const message = {
  messageId,
  channel: 'sms',
  recipient,
  language: 'fa',
  municipality: 'hamedan',
  sendAfter,
} as const;

export const queued = (cause: string, topic?: Parameters<typeof item>[1]): NotificationEvent => ({
  type: 'NotificationQueued',
  data: { ...message, item: item(cause, topic) },
});
export const sent = (attempt: number, items = 1): NotificationEvent => ({
  type: 'NotificationSent',
  data: { messageId, channel: 'sms', attempt, items },
});
/** Without `retryAt`, the message is given up. */
export const failed = (attempt: number, retryAt?: string): NotificationEvent => ({
  type: 'NotificationFailed',
  data: { messageId, channel: 'sms', attempt, reason, ...(retryAt ? { retryAt } : {}) },
});
export const skipped = {
  type: 'NotificationSkipped',
  data: {
    messageId,
    channel: 'sms',
    recipient,
    reason: 'no_address',
    topics: ['survey_scheduled'],
    cause: 'event-1',
  },
} as const satisfies NotificationEvent;
