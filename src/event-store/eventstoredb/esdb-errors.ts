import {
  AccessDeniedError,
  DeadlineExceededError,
  InvalidArgumentError,
  MaxAppendSizeExceededError,
  NotLeaderError,
  StreamDeletedError,
  TimeoutError,
  UnavailableError,
  UnknownError,
} from '@eventstore/db-client';
import {
  InvalidAppend,
  StoreUnavailable,
  StreamDeleted,
  SubscriptionRefused,
} from '../event-store.errors.js';

// gRPC status codes (grpc/doc/statuscodes.md), as the client leaves them on errors it does not know.
const INVALID_ARGUMENT = 3;
const PERMISSION_DENIED = 7;
const UNAUTHENTICATED = 16;

/**
 * KurrentDB 24.10+ refuses an event over MaxAppendEventSize, which the 6.x client does not know: over a
 * single append as this `exception` trailer, over a batch append (the client's choice when the server
 * offers it) as a status it reports only by name.
 */
const EVENT_SIZE_EXCEEDED = 'maximum-append-event-size-exceeded';
const EVENT_SIZE_EXCEEDED_STATUS = /\bMaximumAppendEventSizeExceeded\b/;

/** A lost connection as the typed error commands answer 503 (the server down, no leader, no answer in time). */
export function unreachable(error: unknown): unknown {
  const lost =
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof NotLeaderError;
  return lost ? new StoreUnavailable('unreachable', { cause: error }) : error;
}

/** What an append's failure means to the port (a conflict is mapped by the caller, which knows the expectation). */
export function appendFailure(stream: string, error: unknown): unknown {
  if (error instanceof MaxAppendSizeExceededError) {
    return new InvalidAppend(`The append is larger than the server accepts (${error.maxAppendSize} bytes)`, {
      tooLarge: true,
    });
  }
  if (
    error instanceof UnknownError &&
    (serverException(error) === EVENT_SIZE_EXCEEDED || EVENT_SIZE_EXCEEDED_STATUS.test(error.message))
  ) {
    return new InvalidAppend(`An event is larger than the server accepts: ${error.message}`, {
      tooLarge: true,
    });
  }
  if (error instanceof StreamDeletedError) return new StreamDeleted(stream, { cause: error });
  return unreachable(error);
}

/**
 * A subscription's failure that no retry mends, as the port's refusal; undefined for what passes by
 * itself (a dropped connection, a leader election), which the subscription retries.
 */
export function refusalOf(error: unknown): SubscriptionRefused | undefined {
  if (error instanceof SubscriptionRefused) return error;
  const code = (error as { code?: unknown } | undefined)?.code;
  const message = (error as { message?: unknown } | undefined)?.message;
  const detail = typeof message === 'string' ? message : undefined;
  const unknown = error instanceof UnknownError;
  if (
    error instanceof AccessDeniedError ||
    (unknown && (code === PERMISSION_DENIED || code === UNAUTHENTICATED))
  ) {
    return new SubscriptionRefused('access_denied', detail, { cause: error });
  }
  if (error instanceof InvalidArgumentError || (unknown && code === INVALID_ARGUMENT)) {
    return new SubscriptionRefused('invalid_request', detail, { cause: error });
  }
  return undefined;
}

/** The `exception` key KurrentDB puts in a failed call's trailers, which names its error. */
function serverException(error: UnknownError): string | undefined {
  const raw = (error as unknown as { _raw?: { metadata?: { get?(key: string): unknown[] } } })._raw;
  const value = raw?.metadata?.get?.('exception')?.[0];
  return value === undefined ? undefined : String(value);
}
