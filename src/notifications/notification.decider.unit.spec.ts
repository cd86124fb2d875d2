import { fold } from '../event-store/command-handling/decider.js';
import { given } from '../../test/support/given.js';
import {
  MAX_ATTEMPTS,
  notificationDecider,
  retryDelayMs,
  type NotificationCommand,
} from './notification.decider.js';
import {
  failed,
  item,
  message,
  queued,
  messageId,
  reason,
  recipient,
  sendAfter,
  sent,
  skipped,
} from './notification.fixtures.js';
import type { NotificationEvent } from './notification.events.js';

const BEFORE_CLOSE = '2026-11-25T10:03:00.000Z';

/** The news of `cause`, into a message whose window closes at `closes`. */
const queue = (cause: string, now = BEFORE_CLOSE, closes = sendAfter): NotificationCommand => ({
  type: 'QueueNotification',
  data: { ...message, sendAfter: closes, item: item(cause), now },
});
const fail = (now: string, permanent = false): NotificationCommand => ({
  type: 'RecordFailure',
  data: { reason, permanent, now },
});
const skip: NotificationCommand = { type: 'SkipNotification', data: skipped.data };

/** The message's history at each status, opened by event-1. */
const history = {
  queued: [queued('event-1')],
  retrying: [queued('event-1'), failed(1, '2026-11-25T10:06:00.000Z')],
  sent: [queued('event-1'), sent(1)],
  given_up: [queued('event-1'), failed(1)],
  skipped: [skipped],
  skipped_after_queueing: [queued('event-1'), skipped],
} satisfies Record<string, NotificationEvent[]>;
type Stage = keyof typeof history;
const CLOSED: Stage[] = ['sent', 'given_up', 'skipped', 'skipped_after_queueing'];

describe('notification decider', () => {
  describe('QueueNotification', () => {
    it('opens the message with its first item', () => {
      expect(given(notificationDecider).when(queue('event-1'))).toEqual([queued('event-1')]);
    });

    it('joins a second cause to the open message, keeping the message’s send-after', () => {
      const later = queue('event-2', BEFORE_CLOSE, '2026-11-25T10:10:00.000Z');
      expect(given(notificationDecider, ...history.queued).when(later)).toEqual([
        { type: 'NotificationQueued', data: { ...message, item: item('event-2') } },
      ]);
    });

    it.each(Object.keys(history) as Stage[])('adds nothing for the same cause again (%s)', (stage) => {
      const late = queue('event-1', '2026-11-26T00:00:00.000Z');
      expect(given(notificationDecider, ...history[stage]).when(late)).toEqual([]);
    });

    it.each([sendAfter, '2026-11-25T11:00:00.000Z'])('refuses news at %s, once the window closed', (now) => {
      expect(given(notificationDecider, ...history.queued).when(queue('event-2', now))).toMatchObject({
        code: 'NOTIFICATION.WINDOW_CLOSED',
        kind: 'conflict',
      });
    });

    it.each(CLOSED)('refuses news for a %s message', (stage) => {
      expect(given(notificationDecider, ...history[stage]).when(queue('event-2'))).toMatchObject({
        code: 'NOTIFICATION.WINDOW_CLOSED',
      });
    });
  });

  describe('RecordSent', () => {
    const SEND_ONE = { type: 'RecordSent', data: { items: 1 } } as const;

    it('refuses to record a text that missed news which joined while it was sent', () => {
      expect(given(notificationDecider, ...history.queued, queued('event-2')).when(SEND_ONE)).toMatchObject({
        code: 'NOTIFICATION.CHANGED',
      });
      expect(
        given(notificationDecider, ...history.queued, queued('event-2')).when({
          type: 'RecordSent',
          data: { items: 2 },
        }),
      ).toEqual([sent(1, 2)]);
    });

    it('records the first attempt as sent', () => {
      expect(given(notificationDecider, ...history.queued).when(SEND_ONE)).toEqual([sent(1)]);
    });

    it('counts the attempts that failed before', () => {
      expect(given(notificationDecider, ...history.retrying).when(SEND_ONE)).toEqual([sent(2)]);
    });

    it('records nothing when the message is sent already', () => {
      expect(given(notificationDecider, ...history.sent).when(SEND_ONE)).toEqual([]);
    });

    it.each(['given_up', 'skipped', 'skipped_after_queueing'] as const)('refuses a %s message', (stage) => {
      expect(given(notificationDecider, ...history[stage]).when(SEND_ONE)).toMatchObject({
        code: 'NOTIFICATION.NOT_QUEUED',
      });
    });

    it('refuses a message never queued', () => {
      expect(given(notificationDecider).when(SEND_ONE)).toMatchObject({
        code: 'NOTIFICATION.NOT_QUEUED',
      });
    });
  });

  describe('RecordFailure', () => {
    const now = '2026-11-25T10:05:30.000Z';
    const after = (ms: number) => new Date(Date.parse(now) + ms).toISOString();

    it('tries again after the first wait', () => {
      expect(given(notificationDecider, ...history.queued).when(fail(now))).toEqual([
        failed(1, after(retryDelayMs(1))),
      ]);
      expect(retryDelayMs(1)).toBe(30_000);
    });

    it('waits longer after each failure, at most an hour', () => {
      expect([1, 2, 3, 4, 8, 12].map(retryDelayMs)).toEqual([
        30_000, 60_000, 120_000, 240_000, 3_600_000, 3_600_000,
      ]);
      expect(given(notificationDecider, ...history.retrying).when(fail(now))).toEqual([
        failed(2, after(60_000)),
      ]);
    });

    it('gives up at once on a permanent refusal', () => {
      expect(given(notificationDecider, ...history.queued).when(fail(now, true))).toEqual([failed(1)]);
    });

    it(`gives up at the ${MAX_ATTEMPTS}th failure`, () => {
      const tries = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => failed(i + 1, now));
      expect(given(notificationDecider, ...history.queued, ...tries).when(fail(now))).toEqual([
        failed(MAX_ATTEMPTS),
      ]);
      const oneFewer = tries.slice(0, -1);
      expect(given(notificationDecider, ...history.queued, ...oneFewer).when(fail(now))).toEqual([
        failed(MAX_ATTEMPTS - 1, after(retryDelayMs(MAX_ATTEMPTS - 1))),
      ]);
    });

    it.each(CLOSED)('refuses a %s message', (stage) => {
      expect(given(notificationDecider, ...history[stage]).when(fail(now))).toMatchObject({
        code: 'NOTIFICATION.NOT_QUEUED',
      });
    });
  });

  describe('SkipNotification', () => {
    it('records that nobody could be told', () => {
      expect(given(notificationDecider).when(skip)).toEqual([skipped]);
    });

    it('skips a queued message whose address is gone', () => {
      expect(given(notificationDecider, ...history.queued).when(skip)).toEqual([skipped]);
    });

    it('records nothing when skipped already', () => {
      expect(given(notificationDecider, ...history.skipped).when(skip)).toEqual([]);
    });

    it.each(['sent', 'given_up'] as const)('refuses a %s message', (stage) => {
      expect(given(notificationDecider, ...history[stage]).when(skip)).toMatchObject({
        code: 'NOTIFICATION.NOT_QUEUED',
      });
    });
  });

  describe('evolve', () => {
    it('accumulates the items and their causes', () => {
      expect(fold(notificationDecider, [queued('event-1'), queued('event-2')])).toEqual({
        status: 'queued',
        ...message,
        items: [item('event-1'), item('event-2')],
        causes: ['event-1', 'event-2'],
        attempts: 0,
      });
    });

    it('keeps the next attempt’s time, then the attempts counted when sent', () => {
      const retrying = fold(notificationDecider, history.retrying);
      expect(retrying).toMatchObject({
        status: 'queued',
        attempts: 1,
        retryAt: '2026-11-25T10:06:00.000Z',
      });
      expect(fold(notificationDecider, [...history.retrying, sent(2)])).toMatchObject({
        status: 'sent',
        attempts: 2,
      });
    });

    it('gives up on a failure without a next attempt', () => {
      expect(fold(notificationDecider, history.given_up)).toMatchObject({ status: 'given_up', attempts: 1 });
    });

    it('remembers a skipped cause, and keeps the items of a message skipped after queueing', () => {
      expect(fold(notificationDecider, history.skipped)).toMatchObject({
        status: 'skipped',
        messageId,
        recipient,
        items: [],
        causes: ['event-1'],
      });
      expect(fold(notificationDecider, history.skipped_after_queueing)).toMatchObject({
        status: 'skipped',
        items: [item('event-1')],
      });
    });
  });
});
