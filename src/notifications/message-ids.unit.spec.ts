import fc from 'fast-check';
import {
  deliveryKey,
  ownMessageId,
  quietHoursMessage,
  smsReference,
  windowedMessage,
} from './message-ids.js';

const FIVE_MINUTES = 300_000;
const cause = (id: string, at: string) => ({ id, at });

describe('message ids', () => {
  describe('windowedMessage', () => {
    const first = windowedMessage(
      'user-1',
      'sms',
      cause('event-1', '2026-11-25T10:01:00.000Z'),
      FIVE_MINUTES,
    );

    it('puts the news of one window, person and channel into one message', () => {
      expect(
        windowedMessage('user-1', 'sms', cause('event-2', '2026-11-25T10:04:59.999Z'), FIVE_MINUTES),
      ).toEqual(first);
    });

    it('sends the message when its window ends', () => {
      expect(first.sendAfter).toBe('2026-11-25T10:05:00.000Z');
    });

    it.each([
      ['the next window', 'user-1', 'sms', '2026-11-25T10:05:00.000Z'],
      ['another channel', 'user-1', 'email', '2026-11-25T10:01:00.000Z'],
      ['another person', 'user-2', 'sms', '2026-11-25T10:01:00.000Z'],
    ] as const)('gives %s a message of its own', (_what, recipient, channel, at) => {
      const other = windowedMessage(recipient, channel, cause('event-2', at), FIVE_MINUTES);
      expect(other.messageId).not.toBe(first.messageId);
    });

    it('gives every cause its own message, sent at once, when the window is 0', () => {
      const one = windowedMessage('user-1', 'sms', cause('event-1', '2026-11-25T10:01:00.000Z'), 0);
      const two = windowedMessage('user-1', 'sms', cause('event-2', '2026-11-25T10:01:00.000Z'), 0);
      expect(one).toEqual({
        messageId: ownMessageId('user-1', 'sms', 'event-1'),
        sendAfter: '2026-11-25T10:01:00.000Z',
      });
      expect(two.messageId).not.toBe(one.messageId);
    });

    it('never gives a window’s message the id of a cause’s own message', () => {
      expect(ownMessageId('user-1', 'sms', 'event-1')).not.toBe(first.messageId);
      expect(first.messageId).toMatch(/^[0-9a-f]{32}$/);
    });
  });

  describe('smsReference', () => {
    const ids = fc
      .tuple(fc.string(), fc.constantFrom('sms' as const, 'email' as const), fc.string())
      .map(([recipient, channel, causeId]) => ownMessageId(recipient, channel, causeId));

    it('is a number the provider accepts, the same for the same message', () => {
      fc.assert(
        fc.property(ids, (id) => {
          const reference = smsReference(id);
          expect(reference).toMatch(/^\d+$/);
          expect(BigInt(reference)).toBeLessThan(2n ** 52n);
          expect(smsReference(id)).toBe(reference);
        }),
      );
    });

    it('differs between messages', () => {
      fc.assert(
        fc.property(ids, ids, (a, b) => {
          fc.pre(a !== b);
          expect(smsReference(a)).not.toBe(smsReference(b));
        }),
      );
    });

    it('is 52 bits of the key’s SHA-256, exact as a JSON number', () => {
      // SHA-256("abc") begins ba7816bf8f01c…: its first 13 hex digits in decimal.
      const reference = smsReference('abc');
      expect(reference).toBe(String(0xba7816bf8f01c));
      expect(String(JSON.parse(reference))).toBe(reference);
    });
  });

  describe('quietHoursMessage', () => {
    it('gathers one person’s SMS of one night, and leaves when the quiet hours end', () => {
      const end = '2026-12-04T03:30:00.000Z';
      const night = quietHoursMessage('user-1', end);
      expect(night).toEqual({ messageId: expect.stringMatching(/^[0-9a-f]{32}$/), sendAfter: end });
      expect(quietHoursMessage('user-1', end)).toEqual(night);
      expect(quietHoursMessage('user-2', end).messageId).not.toBe(night.messageId);
      expect(quietHoursMessage('user-1', '2026-12-05T03:30:00.000Z').messageId).not.toBe(night.messageId);
    });
  });

  describe('deliveryKey', () => {
    it('is the message id for one item, and changes with the number of items', () => {
      const id = 'a'.repeat(32);
      expect(deliveryKey(id, 1)).toBe(id);
      expect(deliveryKey(id, 3)).toBe(`${id}.3`);
      expect(smsReference(deliveryKey(id, 3))).not.toBe(smsReference(deliveryKey(id, 2)));
    });
  });
});
