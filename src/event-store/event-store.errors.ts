import { DomainError } from '../shared/domain-error.js';
import type { ExpectedRevision, SubscriptionRefusal, SubscriptionRefusedError } from './event-store.port.js';

/** The stream is not where the appender expected it: someone else wrote first. */
export class WrongExpectedRevision extends Error {
  readonly code = 'STREAM.WRONG_EXPECTED_REVISION';
  constructor(
    readonly stream: string,
    readonly expectedRevision: ExpectedRevision,
    /** The stream's last revision, or 'no_stream' when it does not exist. */
    readonly actualRevision: bigint | 'no_stream',
  ) {
    super(`Stream ${stream} expected at ${String(expectedRevision)} but is at ${String(actualRevision)}`);
    this.name = 'WrongExpectedRevision';
  }
}

/** An event id is already used by another event: ids are idempotency keys, never reused. */
export class DuplicateEventId extends Error {
  readonly code = 'STREAM.DUPLICATE_EVENT_ID';
  constructor(readonly eventId: string) {
    super(`Event id ${eventId} is already used by a different event`);
    this.name = 'DuplicateEventId';
  }
}

/**
 * The append itself is malformed (no events, no actor, bad stream name, …), or an event is larger than the
 * store takes (`tooLarge`: 413 at the HTTP edge, since the caller's content made it so).
 */
export class InvalidAppend extends Error {
  readonly code = 'STREAM.INVALID_APPEND';
  readonly tooLarge: boolean;
  constructor(message: string, options: { readonly tooLarge?: boolean } = {}) {
    super(message);
    this.name = 'InvalidAppend';
    this.tooLarge = options.tooLarge ?? false;
  }
}

const REFUSED: Record<SubscriptionRefusal, string> = {
  access_denied:
    'the store refuses to let this user read the whole log (in secure mode, an admin or ops user)',
  beyond_head:
    'it would start past the end of the log: the store was reset or replaced while the read models were kept',
  invalid_request: 'the store refuses the subscription as invalid',
};

/**
 * A subscription that no retry can mend: it has stopped for good and says why. Its reader is not caught
 * up and must not pretend to be (an operator acts: credentials, or rebuilding the read models).
 */
export class SubscriptionRefused extends Error implements SubscriptionRefusedError {
  readonly code = 'STREAM.SUBSCRIPTION_REFUSED';
  constructor(
    readonly reason: SubscriptionRefusal,
    detail?: string,
    options?: ErrorOptions,
  ) {
    super(`Subscription refused: ${REFUSED[reason]}${detail ? ` (${detail})` : ''}`, options);
    this.name = 'SubscriptionRefused';
  }
}

/**
 * The stream was deleted for good in the store (a KurrentDB tombstone, an operator's act: Daftar never
 * deletes): nothing can be appended to it any more.
 */
export class StreamDeleted extends DomainError {
  constructor(
    readonly stream: string,
    options?: ErrorOptions,
  ) {
    // A conflict (409); the stream's name is internal and stays out of the answer.
    super('STREAM.DELETED', 'This record was deleted from the ledger by an operator; it cannot change');
    this.name = 'StreamDeleted';
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/** A position string that this store did not make. */
export class InvalidPosition extends Error {
  readonly code = 'STREAM.INVALID_POSITION';
  constructor(readonly position: string) {
    super(`Not a position of this store: ${position}`);
    this.name = 'InvalidPosition';
  }
}

export type StoreUnavailableReason = 'disk_full' | 'io_error' | 'unreachable';

const UNAVAILABLE: Record<StoreUnavailableReason, string> = {
  disk_full: 'The event store’s disk is full: nothing was recorded; try again shortly',
  io_error: 'The event store could not write (an I/O error): the change is not confirmed; try again shortly',
  unreachable: 'The event store does not answer: the change is not confirmed; try again shortly',
};

/**
 * The store cannot take writes for now (503, not 500): it passes by itself once the disk has room
 * again or the server answers again, and the next append goes through in the same process.
 */
export class StoreUnavailable extends DomainError {
  constructor(
    readonly reason: StoreUnavailableReason,
    options?: ErrorOptions,
  ) {
    super('STORE.UNAVAILABLE', UNAVAILABLE[reason], 'unavailable', { reason });
    this.name = 'StoreUnavailable';
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

const NO_SPACE = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT', 'EFBIG']);

/**
 * Why the disk refused a write, or undefined when it did not: no space (SQLITE_FULL, a short write
 * past a file-size limit; ENOSPC, EDQUOT, EFBIG from the file system) or an I/O error (SQLITE_IOERR_*,
 * EIO). Looks through `cause`, where a wrapper keeps the original.
 */
export function diskRefusal(error: unknown): 'disk_full' | 'io_error' | undefined {
  // Not `instanceof Error`: a native module's errors may come from another realm (Jest's, a worker's).
  for (let e = error, depth = 0; typeof e === 'object' && e !== null && depth < 5; depth += 1) {
    const { code, cause } = e as { code?: unknown; cause?: unknown };
    e = cause;
    if (typeof code !== 'string') continue;
    if (NO_SPACE.has(code)) return 'disk_full';
    if (code === 'EIO' || code.startsWith('SQLITE_IOERR')) return 'io_error';
  }
  return undefined;
}
