import { createHash } from 'node:crypto';
import type { Channel } from './notification-topics.js';

const digest = (...parts: string[]) =>
  createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);

/**
 * The message a piece of news joins: one per person, channel and window, so that the news of a few
 * minutes travels together; its id is derived, so a cause handed over again finds the same message.
 * A window of 0 gives every cause its own message.
 */
export function windowedMessage(
  recipientKey: string,
  channel: Channel,
  cause: { readonly id: string; readonly at: string },
  windowMs: number,
): { readonly messageId: string; readonly sendAfter: string } {
  if (windowMs <= 0) return { messageId: ownMessageId(recipientKey, channel, cause.id), sendAfter: cause.at };
  const window = Math.floor(Date.parse(cause.at) / windowMs);
  return {
    messageId: digest(recipientKey, channel, `window:${window}`),
    sendAfter: new Date((window + 1) * windowMs).toISOString(),
  };
}

/**
 * The message that gathers one person's non-urgent SMS news of one night: quiet hours (ساعات سکوت) are
 * its window, and it leaves when they end, as one message.
 */
export function quietHoursMessage(
  recipientKey: string,
  quietEnd: string,
): { readonly messageId: string; readonly sendAfter: string } {
  return { messageId: digest(recipientKey, 'sms', `quiet:${quietEnd}`), sendAfter: quietEnd };
}

/** The message of one cause alone: news that came after its window had closed. */
export function ownMessageId(recipientKey: string, channel: Channel, causeId: string): string {
  return digest(recipientKey, channel, `cause:${causeId}`);
}

/**
 * The key a message is delivered under: the email's Message-ID, the SMS `localid`. The same message
 * sent again (after a crash before it was recorded) has the same key, so the receiver keeps one. It
 * counts the items: news that joined the message while it was being sent makes a new message, so
 * that news is delivered rather than taken for a copy of what went before.
 */
export function deliveryKey(messageId: string, items: number): string {
  return items === 1 ? messageId : `${messageId}.${items}`;
}

/**
 * A delivery key as the SMS provider's `localid`, which must be a number: 52 bits of its digest in
 * decimal, unique enough among one sender's messages and exact in every JSON parser.
 */
export function smsReference(key: string): string {
  return BigInt(`0x${createHash('sha256').update(key).digest('hex').slice(0, 13)}`).toString(10);
}
