import type { NewEvent, RecordedEvent } from './event-envelope.js';

/** What the appender believes about the stream: absent, present, whatever, or exactly at a revision. */
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
  /** Catches up from `fromPosition` (exclusive), then goes live, without gap or duplicate. */
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
