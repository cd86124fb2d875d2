import type { Channel, Language, NotificationItem, Topic } from './notification-topics.js';

/**
 * Who a message is for: the account, and the address masked («0912***4567», «z***@example.org»);
 * the address itself is looked up when the message is sent, never kept in the log.
 */
export interface NotificationRecipient {
  /** The account; absent when the person has none (the skip says so). */
  readonly userId?: string;
  readonly masked: string;
}

/** Why a person was not told: no account, or no address on the channel they chose. */
export type SkipReason = 'no_account' | 'no_address';

/**
 * One message (پیام) to one person on one channel, in stream `notification-<messageId>`: queued with
 * its first item, more items while its window is open, then sent, failed for good, or skipped.
 */
export type NotificationEvent =
  | {
      readonly type: 'NotificationQueued';
      readonly data: {
        readonly messageId: string;
        readonly channel: Channel;
        readonly recipient: NotificationRecipient;
        readonly language: Language;
        readonly municipality: string;
        /** UTC ISO-8601: the window closes then; later items go into a message of their own. */
        readonly sendAfter: string;
        readonly item: NotificationItem;
      };
    }
  | {
      readonly type: 'NotificationSent';
      readonly data: {
        readonly messageId: string;
        readonly channel: Channel;
        readonly attempt: number;
        /** How many of the message's items were delivered: news that joined it later is sent anew. */
        readonly items: number;
      };
    }
  | {
      readonly type: 'NotificationFailed';
      readonly data: {
        readonly messageId: string;
        readonly channel: Channel;
        readonly attempt: number;
        /** The provider's or server's answer, without the address. */
        readonly reason: string;
        /** UTC ISO-8601 of the next attempt; absent when the message is given up. */
        readonly retryAt?: string;
      };
    }
  | {
      readonly type: 'NotificationSkipped';
      readonly data: {
        readonly messageId: string;
        readonly channel: Channel;
        readonly recipient: NotificationRecipient;
        readonly reason: SkipReason;
        /** What the person would have been told. */
        readonly topics: readonly Topic[];
        readonly cause: string;
      };
    };

export type NotificationEventType = NotificationEvent['type'];

// A record, so that the compiler refuses a list that misses a type.
const EVENT_TYPES: { readonly [type in NotificationEventType]: true } = {
  NotificationQueued: true,
  NotificationSent: true,
  NotificationFailed: true,
  NotificationSkipped: true,
};

export const NOTIFICATION_EVENT_TYPES = Object.keys(EVENT_TYPES) as readonly NotificationEventType[];

export const notificationStream = (messageId: string) => `notification-${messageId}`;
