import type { ExpectedRevision } from './event-store.port.js';

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

/** The append itself is malformed (no events, no actor, bad stream name, …). */
export class InvalidAppend extends Error {
  readonly code = 'STREAM.INVALID_APPEND';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAppend';
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
