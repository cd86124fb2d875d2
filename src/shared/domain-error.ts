/** What went wrong, in terms the HTTP layer maps to a status in one place. */
export type DomainErrorKind =
  | 'invalid'
  /** Well-formed but refused on its merits (422). */
  | 'unprocessable'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'precondition_failed'
  | 'too_large'
  | 'rate_limited'
  | 'unavailable';

/**
 * A refusal with a stable, machine-readable code (`PERMIT.NOT_SUBMITTED`) and a human message.
 * Deciders return or throw these; they never carry HTTP details.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind = 'conflict',
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/**
 * A decision, not a mishap: the rules refused (the file is closed, the amount is wrong). Doing the same
 * again gives the same answer, so it is not worth a retry; only unavailability and lost races are.
 */
export function isRefusal(error: unknown): error is DomainError {
  return (
    error instanceof DomainError &&
    error.kind !== 'unavailable' &&
    error.code !== 'STREAM.CONCURRENT_MODIFICATION'
  );
}
