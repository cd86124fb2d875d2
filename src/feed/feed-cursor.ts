import { DomainError } from '../shared/domain-error.js';

const PREFIX = 'daftar-feed:v1:';
const BASE64URL = /^[A-Za-z0-9_-]{1,200}$/;

export const invalidCursor = () =>
  new DomainError('FEED.INVALID_CURSOR', 'The cursor is not one the feed handed out', 'invalid');

/**
 * The feed's cursor: the event store's global position, versioned and base64url-encoded so that
 * clients treat it as opaque. The position is the store's, not a read model's, so a cursor survives
 * restarts and rebuilt read models; undefined is the start of the log.
 */
export function encodeCursor(position: string | undefined): string {
  return Buffer.from(`${PREFIX}${position ?? ''}`, 'utf8').toString('base64url');
}

/**
 * The position a cursor holds, or FEED.INVALID_CURSOR; `isPosition` is the store's check, so a
 * cursor of another store is refused as well.
 */
export function decodeCursor(cursor: string, isPosition: (position: string) => boolean): string | undefined {
  if (!BASE64URL.test(cursor)) throw invalidCursor();
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(PREFIX) || encodeCursor(text.slice(PREFIX.length)) !== cursor) throw invalidCursor();
  const position = text.slice(PREFIX.length);
  if (position === '') return undefined;
  if (!isPosition(position)) throw invalidCursor();
  return position;
}
