import type { NewEvent, RecordedEvent } from './event-envelope.js';

/**
 * What the appender believes about the stream: absent, present, whatever, or exactly at a revision.
 *
 * It also decides how far a retry of the same append (the same event ids, e.g. after a lost answer) is
 * recognised and answered with the first result instead of writing twice:
 * - an exact revision or `no_stream`: always, on both stores (the events are where the expectation put
 *   them, so the retry finds them there; anything else is WrongExpectedRevision);
 * - `any` or `stream_exists`: always on SQLite (event ids are unique in the whole log); on KurrentDB only
 *   while the first write is still in the server's idempotency cache (recent writes of that stream): an
 *   older retry appends the events a second time. Commands therefore append at an exact revision.
 */
export type ExpectedRevision = 'no_stream' | 'stream_exists' | 'any' | bigint;

export interface AppendOptions {
  readonly expectedRevision: ExpectedRevision;
}

export interface AppendResult {
  /** The revision of the last event now in the stream: the expected revision for the next append. */
  readonly nextExpectedRevision: bigint;
  /** The global position of the last event appended. */
  readonly position: string;
}

export interface ReadStreamOptions {
  readonly fromRevision?: bigint;
  readonly direction?: 'forwards' | 'backwards';
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  readonly maxCount?: number;
  /** Only events of these stream categories (`permit`, `user`, …). */
  readonly categories?: readonly string[];
  /** Only events of these types. */
  readonly types?: readonly string[];
}

export interface ReadAllResult {
  readonly events: RecordedEvent[];
  /** Where the next read continues from; past the events a filter skipped, too. */
  readonly nextPosition: string | undefined;
}

export interface SubscriptionHandler {
  /** Called once per event, in log order; the next is not delivered until this one settles. */
  onEvent(event: RecordedEvent): Promise<void> | void;
  /**
   * Optional: takes several consecutive events at once (one page of the log) instead of `onEvent`,
   * so a read model can store them in one transaction. If it throws, the events are delivered again one
   * by one through `onEvent`, so what the page did must be harmless to repeat (a transaction rolled
   * back, or idempotent work). Stores that read no pages call `onEvent` only.
   */
  onEvents?(events: readonly RecordedEvent[]): Promise<void> | void;
  /** Called each time the subscription has delivered everything that was in the log. */
  onCaughtUp?(position: string | undefined): void;
  /** Called when the handler threw: the subscription has stopped. */
  onError?(error: unknown, event: RecordedEvent): void;
  /**
   * Called when the subscription itself cannot go on (access denied, a start past
   * the end of the log, a request the store calls invalid): it has stopped, will not retry, and its
   * `caughtUp` never resolves. Lost connections are not failures: the store resubscribes by itself.
   */
  onFailure?(error: SubscriptionRefusedError): void;
}

export type SubscriptionRefusal = 'access_denied' | 'beyond_head' | 'invalid_request';

/** The store's refusal of a subscription (the class SubscriptionRefused in event-store.errors.ts). */
export interface SubscriptionRefusedError extends Error {
  readonly code: 'STREAM.SUBSCRIPTION_REFUSED';
  readonly reason: SubscriptionRefusal;
}

export interface Subscription {
  /** Resolves the first time the subscription has caught up with the log. */
  readonly caughtUp: Promise<void>;
  /** Resolves once no more events will be delivered. */
  readonly stopped: Promise<void>;
  stop(): Promise<void>;
}

/** The global event log. The only source of truth; everything else is derived from it. */
export interface EventStore {
  /** Atomic: all events of one call or none. Throws WrongExpectedRevision on a stale expectation. */
  append(stream: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult>;
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Events strictly after `fromPosition` (from the start when undefined), in log order. */
  readAll(fromPosition: string | undefined, options?: ReadAllOptions): Promise<ReadAllResult>;
  /**
   * Catches up from `fromPosition` (exclusive), then goes live, without gap or duplicate. A
   * `fromPosition` past the end of the log is refused (`onFailure`, reason `beyond_head`).
   */
  subscribeAll(
    fromPosition: string | undefined,
    handler: SubscriptionHandler,
    filter?: ReadAllOptions,
  ): Subscription;
  /** Orders two positions of this store: negative when `a` comes first, 0 when equal. */
  comparePositions(a: string, b: string): number;
  /** The position of the last event in the log, or undefined when the log is empty. */
  headPosition(): Promise<string | undefined>;
  /** Answers when the store can be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EventStore');
