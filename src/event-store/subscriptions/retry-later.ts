import { DomainError } from '../../shared/domain-error.js';
import { diskRefusal } from '../event-store.errors.js';

const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 10_000;

/**
 * Whether a subscriber's failure passes by itself, so it should wait and resubscribe rather than stop
 * at the event: the disk refused its write (full, or an I/O error), the database was busy, or something
 * it needs is unavailable. A failure of the event's own making (a projection's bug) is none of these.
 */
export function passesByItself(error: unknown): boolean {
  if (error instanceof DomainError) return error.kind === 'unavailable';
  if (diskRefusal(error) !== undefined) return true;
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code);
}

/** How long to wait before the `attempt`-th resubscription (from 1): 0.25 s, doubling, at most 10 s. */
export function resubscribeDelayMs(attempt: number): number {
  return Math.min(FIRST_DELAY_MS * 2 ** Math.max(0, attempt - 1), MAX_DELAY_MS);
}
