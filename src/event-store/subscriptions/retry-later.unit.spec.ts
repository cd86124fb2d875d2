import { DomainError } from '../../shared/domain-error.js';
import { StoreUnavailable } from '../event-store.errors.js';
import { passesByItself, resubscribeDelayMs } from './retry-later.js';

const coded = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('a subscriber waits and resubscribes', () => {
  it('after 0.25 s, doubling, at most 10 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 50].map(resubscribeDelayMs)).toEqual([
      250, 500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000,
    ]);
  });

  it.each([
    ['a full read-model file', coded('SQLITE_FULL', 'database or disk is full')],
    ['a write past a file-size limit', coded('SQLITE_IOERR_WRITE', 'disk I/O error')],
    ['a full file system', coded('ENOSPC')],
    ['a quota', coded('EDQUOT')],
    ['a file too large', coded('EFBIG')],
    ['a failing device', coded('EIO')],
    ['a busy database', coded('SQLITE_BUSY', 'database is locked')],
    ['the log refusing for want of space', new StoreUnavailable('disk_full')],
    ['something unavailable', new DomainError('READ_MODEL.BEHIND', 'behind', 'unavailable')],
    ['a disk refusal kept as the cause', new Error('outbox write failed', { cause: coded('ENOSPC') })],
    ['an error of another realm', { name: 'SqliteError', code: 'SQLITE_FULL', message: 'full' }],
  ])('on %s', (_, error) => {
    expect(passesByItself(error)).toBe(true);
  });

  it.each([
    ['a projection bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a constraint the event breaks', coded('SQLITE_CONSTRAINT_UNIQUE')],
    ['a refusal of the rules', new DomainError('PERMIT.CLOSED', 'closed', 'conflict')],
    ['a thrown string', 'nope'],
    ['nothing', undefined],
  ])('but stops on %s', (_, error) => {
    expect(passesByItself(error)).toBe(false);
  });
});
