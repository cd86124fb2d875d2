import { decodeCursor, encodeCursor } from './feed-cursor.js';

const anyPosition = () => true;

describe('the feed cursor', () => {
  it('round-trips a position and the start, and looks opaque', () => {
    expect(decodeCursor(encodeCursor('1234'), anyPosition)).toBe('1234');
    expect(decodeCursor(encodeCursor(undefined), anyPosition)).toBeUndefined();
    expect(encodeCursor('1234')).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(encodeCursor('1234')).not.toContain('1234');
  });

  it.each([
    ['not base64url', '***'],
    ['another prefix', Buffer.from('other:v1:12').toString('base64url')],
    ['another version', Buffer.from('daftar-feed:v2:12').toString('base64url')],
    ['padding', `${encodeCursor('12')}=`],
    ['empty', ''],
  ])('refuses a cursor with %s as FEED.INVALID_CURSOR', (_, cursor) => {
    expect(() => decodeCursor(cursor, anyPosition)).toThrow(
      expect.objectContaining({ code: 'FEED.INVALID_CURSOR', kind: 'invalid' }),
    );
  });

  it('refuses a position the store did not make', () => {
    expect(() => decodeCursor(encodeCursor('x'), (p) => /^\d+$/.test(p))).toThrow(
      expect.objectContaining({ code: 'FEED.INVALID_CURSOR' }),
    );
  });
});
