import type { Decider } from '../event-store/command-handling/decider.js';
import { DomainError } from '../shared/domain-error.js';
import type { Channel, Language, NotificationItem } from './notification-topics.js';
import type { NotificationEvent, NotificationRecipient } from './notification.events.js';

type Queued = Extract<NotificationEvent, { type: 'NotificationQueued' }>['data'];
type Skipped = Extract<NotificationEvent, { type: 'NotificationSkipped' }>['data'];

export type NotificationCommand =
  | { readonly type: 'QueueNotification'; readonly data: Queued & { readonly now: string } }
  /** `items`: how many of the message's items the delivered text told. */
  | { readonly type: 'RecordSent'; readonly data: { readonly items: number } }
  /** `permanent`: the provider refused the message itself, so trying again cannot help. */
  | {
      readonly type: 'RecordFailure';
      readonly data: { readonly reason: string; readonly permanent: boolean; readonly now: string };
    }
  | { readonly type: 'SkipNotification'; readonly data: Skipped };

export type NotificationStatus = 'queued' | 'sent' | 'given_up' | 'skipped';

export type NotificationState =
  | { readonly status: 'none' }
  | {
      readonly status: NotificationStatus;
      readonly messageId: string;
      readonly channel: Channel;
      readonly recipient: NotificationRecipient;
      readonly language: Language;
      readonly municipality: string;
      readonly sendAfter: string;
      readonly items: readonly NotificationItem[];
      /** Ids of the events told of (or skipped), so that a cause handed over again adds nothing. */
      readonly causes: readonly string[];
      readonly attempts: number;
      /** UTC ISO-8601 of the next attempt after a failure. */
      readonly retryAt?: string;
    };

/** Attempts before a message is given up: about an hour of doubling waits (30 s … 32 min). */
export const MAX_ATTEMPTS = 8;
const FIRST_RETRY_MS = 30_000;
const LONGEST_WAIT_MS = 3_600_000;

/** The wait after the n-th failed attempt: 30 s, 1 min, 2 min … at most an hour. */
export function retryDelayMs(attempt: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** (attempt - 1), LONGEST_WAIT_MS);
}

const notQueued = (status: string) =>
  new DomainError('NOTIFICATION.NOT_QUEUED', `The message is ${status}, not waiting to be sent`);

function decide(
  command: NotificationCommand,
  state: NotificationState,
): readonly NotificationEvent[] | DomainError {
  switch (command.type) {
    case 'QueueNotification': {
      const { now, ...queued } = command.data;
      if (state.status === 'none') return [{ type: 'NotificationQueued', data: queued }];
      if (state.causes.includes(queued.item.cause)) return [];
      if (state.status !== 'queued' || now >= state.sendAfter) {
        return new DomainError(
          'NOTIFICATION.WINDOW_CLOSED',
          'The message has left or is about to; the news goes into a message of its own',
          'conflict',
        );
      }
      return [{ type: 'NotificationQueued', data: { ...queued, sendAfter: state.sendAfter } }];
    }
    case 'RecordSent':
      if (state.status === 'sent') return [];
      if (state.status !== 'queued') return notQueued(state.status);
      if (state.items.length !== command.data.items) {
        return new DomainError(
          'NOTIFICATION.CHANGED',
          'News joined the message while it was being sent; it goes again, with everything, under a new key',
          'conflict',
        );
      }
      return [
        {
          type: 'NotificationSent',
          data: {
            messageId: state.messageId,
            channel: state.channel,
            attempt: state.attempts + 1,
            items: command.data.items,
          },
        },
      ];
    case 'RecordFailure': {
      if (state.status !== 'queued') return notQueued(state.status);
      const attempt = state.attempts + 1;
      const givingUp = command.data.permanent || attempt >= MAX_ATTEMPTS;
      const retryAt = new Date(Date.parse(command.data.now) + retryDelayMs(attempt)).toISOString();
      return [
        {
          type: 'NotificationFailed',
          data: {
            messageId: state.messageId,
            channel: state.channel,
            attempt,
            reason: command.data.reason,
            ...(givingUp ? {} : { retryAt }),
          },
        },
      ];
    }
    case 'SkipNotification':
      // Skipped when queued (nobody to tell), or when sending found the address gone.
      if (state.status === 'skipped') return [];
      if (state.status !== 'none' && state.status !== 'queued') return notQueued(state.status);
      return [{ type: 'NotificationSkipped', data: command.data }];
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

function evolve(state: NotificationState, event: NotificationEvent): NotificationState {
  switch (event.type) {
    case 'NotificationQueued': {
      const { item, ...message } = event.data;
      if (state.status === 'none') {
        return { status: 'queued', ...message, items: [item], causes: [item.cause], attempts: 0 };
      }
      return { ...state, items: [...state.items, item], causes: [...state.causes, item.cause] };
    }
    case 'NotificationSent':
      return state.status === 'none' ? state : { ...state, status: 'sent', attempts: event.data.attempt };
    case 'NotificationFailed': {
      if (state.status === 'none') return state;
      const { attempt, retryAt } = event.data;
      return retryAt === undefined
        ? { ...state, status: 'given_up', attempts: attempt }
        : { ...state, attempts: attempt, retryAt };
    }
    case 'NotificationSkipped': {
      if (state.status !== 'none') return { ...state, status: 'skipped' };
      const { messageId, channel, recipient, cause } = event.data;
      return {
        status: 'skipped',
        messageId,
        channel,
        recipient,
        language: 'fa',
        municipality: '',
        sendAfter: '',
        items: [],
        causes: [cause],
        attempts: 0,
      };
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/** A message's life: queued (more news while its window is open), then sent, given up or skipped. */
export const notificationDecider: Decider<NotificationCommand, NotificationState, NotificationEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve,
  decide,
};
