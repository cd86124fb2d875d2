import {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  MaxAppendSizeExceededError,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
  eventTypeFilter,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type AppendExpectedRevision,
  type EventData,
  type Filter,
  type JSONType,
  type Position,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { categoryOf, type EventMetadata, type NewEvent, type RecordedEvent } from '../event-envelope.js';
import { InvalidAppend, InvalidPosition, WrongExpectedRevision } from '../event-store.errors.js';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadAllResult,
  ReadStreamOptions,
  Subscription,
  SubscriptionHandler,
} from '../event-store.port.js';
import { validateAppend } from '../validate-append.js';

export interface EventStoreDbEventStoreOptions {
  /** Wait before resubscribing after a dropped subscription: doubles from `initial` up to `max`. */
  readonly resubscribeBackoffMs?: { readonly initial: number; readonly max: number };
}

type Backoff = { readonly initial: number; readonly max: number };

/** The client's recorded event: a JSON or binary event from a stream or from $all. */
type EsdbEvent = NonNullable<ResolvedEvent['event']> | NonNullable<AllStreamResolvedEvent['event']>;

const DEFAULT_BACKOFF: Backoff = { initial: 100, max: 5000 };
const DEFAULT_READ_ALL_COUNT = 1000;
const HEAD_PAGE = 256;
/** How far back a subscription looks for the last event its filter accepts. */
const SUBSCRIPTION_HEAD_SCAN = 4096;
const PING_DEADLINE_MS = 5000;
const MAX_U64 = 2n ** 64n - 1n;
const POSITION = /^(0|[1-9][0-9]{0,19}):(0|[1-9][0-9]{0,19})$/;

const noop = (): void => undefined;

/**
 * The production store: EventStoreDB / KurrentDB over gRPC. Concurrency control and idempotent retries
 * (same event ids at the same place) are the server's own; positions are $all's {commit, prepare}
 * pairs, written as one opaque string.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly backoff: Backoff;
  private readonly subscriptions = new Set<CatchUpSubscription>();
  private closed = false;

  constructor(connectionString: string, options: EventStoreDbEventStoreOptions = {}) {
    this.client = EventStoreDBClient.connectionString(connectionString);
    this.backoff = options.resubscribeBackoffMs ?? DEFAULT_BACKOFF;
  }

  async append(stream: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    this.assertOpen();
    const expected = options.expectedRevision;
    validateAppend(stream, events, expected);
    let result;
    try {
      result = await this.client.appendToStream(stream, events.map(toEventData), {
        expectedRevision: toEsdbExpected(expected),
      });
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        const actual = error.actualVersion;
        throw new WrongExpectedRevision(
          stream,
          expected,
          actual === NO_STREAM || actual < 0n ? 'no_stream' : actual,
        );
      }
      if (error instanceof MaxAppendSizeExceededError) {
        throw new InvalidAppend(
          `The append is larger than the server accepts (${error.maxAppendSize} bytes)`,
        );
      }
      throw error;
    }
    // A single event's append position is its $all position. A multi-event write reports the position of
    // the transaction, not necessarily that of its last event, and an idempotent retry may report none;
    // then ask the stream, so a retry answers exactly what the first write answered.
    const position =
      events.length === 1 && result.position
        ? result.position
        : await this.positionOf(stream, result.nextExpectedRevision);
    return { nextExpectedRevision: result.nextExpectedRevision, position: encodePosition(position) };
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    if (options.maxCount !== undefined && options.maxCount <= 0) return [];
    const backwards = options.direction === 'backwards';
    const read = this.client.readStream(stream, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: options.fromRevision ?? (backwards ? END : START),
      maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER,
    });
    read.on('error', noop); // errors reach the loop below; this only keeps a late one from crashing
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of read) {
        if (resolved.event) events.push(toRecorded(resolved.event));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async readAll(fromPosition: string | undefined, options: ReadAllOptions = {}): Promise<ReadAllResult> {
    this.assertOpen();
    const after = fromPosition === undefined ? undefined : decodePosition(fromPosition);
    const limit = options.maxCount ?? DEFAULT_READ_ALL_COUNT;
    if (limit <= 0) return { events: [], nextPosition: fromPosition };
    const wanted = eventFilter(options);
    // The 6.x client's readAll has no server-side filter: page through $all and filter here.
    const pageSize = Math.min(Math.max(limit + 1, 256), 4096);
    const events: RecordedEvent[] = [];
    let cursor = after;
    let lastSeen = after;
    for (;;) {
      const read = this.client.readAll({
        fromPosition: cursor ?? START,
        direction: FORWARDS,
        maxCount: pageSize,
      });
      read.on('error', noop);
      let raw = 0;
      let full = false;
      for await (const resolved of read) {
        raw += 1;
        const event = resolved.event;
        // A forward read of $all starts AT the position given: that event was already seen.
        if (!event || (cursor && comparePositions(event.position, cursor) <= 0)) continue;
        lastSeen = event.position;
        if (!wanted(event)) continue;
        events.push(toRecorded(event));
        if (events.length === limit) {
          full = true;
          break;
        }
      }
      if (full) {
        await read.cancel().catch(noop);
        break;
      }
      if (raw < pageSize) break; // reached the end of the log
      cursor = lastSeen;
    }
    return { events, nextPosition: lastSeen === undefined ? fromPosition : encodePosition(lastSeen) };
  }

  subscribeAll(
    fromPosition: string | undefined,
    handler: SubscriptionHandler,
    filter: ReadAllOptions = {},
  ): Subscription {
    this.assertOpen();
    const subscription = new CatchUpSubscription(
      this.client,
      fromPosition === undefined ? undefined : decodePosition(fromPosition),
      handler,
      filter,
      () => this.headFor(filter),
      this.backoff,
    );
    this.subscriptions.add(subscription);
    void subscription.stopped.then(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  comparePositions(a: string, b: string): number {
    const [x, y] = [decodePosition(a), decodePosition(b)];
    if (x.commit !== y.commit) return x.commit < y.commit ? -1 : 1;
    return x.prepare === y.prepare ? 0 : x.prepare < y.prepare ? -1 : 1;
  }

  async headPosition(): Promise<string | undefined> {
    this.assertOpen();
    const head = await this.lastWanted(isUserEvent, Infinity);
    return head ? encodePosition(head) : undefined;
  }

  async ping(): Promise<void> {
    this.assertOpen();
    const read = this.client.readAll({
      direction: BACKWARDS,
      fromPosition: END,
      maxCount: 1,
      deadline: PING_DEADLINE_MS,
    });
    read.on('error', noop);
    for await (const _ of read) {
      // draining is the point: the read answered
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.client.dispose();
  }

  /**
   * Where a subscription with this filter is caught up on servers that do not say so: the last event the
   * filter lets through. A rare category could mean reading far back, so past a bound take the last
   * event of any category instead (caught up is then noticed later, at the next event or checkpoint).
   */
  private async headFor(filter: ReadAllOptions): Promise<Position | undefined> {
    const last = await this.lastWanted(eventFilter(filter), SUBSCRIPTION_HEAD_SCAN);
    return last === null ? ((await this.lastWanted(isUserEvent, Infinity)) ?? undefined) : last;
  }

  /** Reads $all backwards for the last event `wanted` accepts; null when not found within `scanLimit`. */
  private async lastWanted(
    wanted: (event: EsdbEvent) => boolean,
    scanLimit: number,
  ): Promise<Position | undefined | null> {
    let cursor: Position | undefined;
    let scanned = 0;
    for (;;) {
      const read = this.client.readAll({
        fromPosition: cursor ?? END,
        direction: BACKWARDS,
        maxCount: HEAD_PAGE,
      });
      read.on('error', noop);
      let raw = 0;
      let found: Position | undefined;
      for await (const resolved of read) {
        raw += 1;
        const event = resolved.event;
        if (!event || (cursor && comparePositions(event.position, cursor) >= 0)) continue;
        cursor = event.position;
        if (wanted(event)) {
          found = event.position;
          break;
        }
      }
      if (found) {
        await read.cancel().catch(noop);
        return found;
      }
      if (raw < HEAD_PAGE || cursor === undefined) return undefined; // reached the start of the log
      scanned += raw;
      if (scanned >= scanLimit) return null;
    }
  }

  /** The $all position of one event of a stream, read from the leader so a fresh write is there. */
  private async positionOf(stream: string, revision: bigint): Promise<Position> {
    const read = this.client.readStream(stream, {
      fromRevision: revision,
      direction: FORWARDS,
      maxCount: 1,
      requiresLeader: true,
    });
    read.on('error', noop);
    for await (const resolved of read) {
      if (resolved.event?.position) return resolved.event.position;
    }
    throw new Error(
      `EventStoreDB did not return the position of ${stream}@${revision} (server 22.6 or later needed)`,
    );
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The event store is closed');
  }
}

/**
 * Catch-up then live over one server subscription to $all, resubscribed from the last event looked at
 * whenever it drops. Events are taken one at a time from the subscription's async iterator, so the
 * handler's pace is the subscription's pace (the client applies backpressure to the gRPC stream).
 */
class CatchUpSubscription implements Subscription {
  readonly caughtUp: Promise<void>;
  readonly stopped: Promise<void>;
  private resolveCaughtUp!: () => void;
  private stopping = false;
  private current: AllStreamSubscription | undefined;
  private wakeUp: (() => void) | undefined;
  /** `undefined` until read; the filtered head of the log when first subscribing (fallback for caught up). */
  private head: { readonly at: Position | undefined } | undefined;
  private live = false;
  private everCaughtUp = false;
  /** Events taken from the current server subscription, and of those, fully processed. */
  private received = 0;
  private handled = 0;
  /** Caught up once `handled` reaches this: everything the server had sent before saying so. */
  private caughtUpAfter: number | undefined;
  private readonly wanted: (event: EsdbEvent) => boolean;

  constructor(
    private readonly client: EventStoreDBClient,
    /** The last event looked at (delivered or filtered out): where a resubscription starts. */
    private position: Position | undefined,
    private readonly handler: SubscriptionHandler,
    private readonly filter: ReadAllOptions,
    private readonly readHead: () => Promise<Position | undefined>,
    private readonly backoff: Backoff,
  ) {
    this.wanted = eventFilter(filter);
    this.caughtUp = new Promise((resolve) => (this.resolveCaughtUp = resolve));
    this.stopped = this.run();
  }

  async stop(): Promise<void> {
    if (!this.stopping) {
      this.stopping = true;
      this.wakeUp?.();
      const subscription = this.current;
      if (subscription) {
        await subscription.unsubscribe().catch(noop);
        subscription.destroy();
      }
    }
    await this.stopped;
  }

  private async run(): Promise<void> {
    await Promise.resolve();
    let delay = this.backoff.initial;
    while (!this.stopping) {
      const startedAt = Date.now();
      const outcome = await this.subscribeOnce().catch(() => 'dropped' as const);
      if (outcome !== 'dropped' || this.stopping) return;
      // A subscription that delivered, or lived longer than the longest wait, starts the backoff over.
      if (this.received > 0 || Date.now() - startedAt > this.backoff.max) delay = this.backoff.initial;
      await this.sleep(delay);
      delay = Math.min(delay * 2, this.backoff.max);
    }
  }

  private async subscribeOnce(): Promise<'stopped' | 'failed' | 'dropped'> {
    this.received = 0;
    this.handled = 0;
    this.caughtUpAfter = undefined;
    this.live = false;
    if (!this.everCaughtUp && this.head === undefined) {
      this.head = { at: await this.readHead() };
      const head = this.head.at;
      if (head === undefined || (this.position && comparePositions(this.position, head) >= 0)) {
        this.signalCaughtUp();
      }
    }
    if (this.stopping) return 'stopped';
    const subscription = this.client.subscribeToAll({
      fromPosition: this.position ?? START,
      filter: this.serverFilter(),
    });
    this.current = subscription;
    subscription.on('error', noop); // errors reach the loop below; this only keeps a late one from crashing
    // Servers 23.10+ say when the subscription turns live (the client emits it since 6.1).
    subscription.on('caughtUp', () => this.markCaughtUp(subscription));
    subscription.on('fellBehind', () => (this.live = false));
    try {
      for await (const resolved of subscription) {
        if (this.stopping) return 'stopped';
        this.received += 1;
        if (!(await this.process(resolved))) return 'failed';
        this.handled += 1;
        if (this.caughtUpAfter !== undefined && this.handled >= this.caughtUpAfter) {
          this.caughtUpAfter = undefined;
          this.signalCaughtUp();
        }
      }
      return this.stopping ? 'stopped' : 'dropped';
    } catch {
      return this.stopping ? 'stopped' : 'dropped';
    } finally {
      this.current = undefined;
      await subscription.unsubscribe().catch(noop);
      subscription.destroy();
    }
  }

  /** Returns false when the handler threw: the subscription stops. */
  private async process(resolved: AllStreamResolvedEvent): Promise<boolean> {
    const event = resolved.event;
    if (!event) return true;
    // Exclusive start, and never a duplicate after a resubscription.
    if (this.position && comparePositions(event.position, this.position) <= 0) return true;
    if (this.wanted(event)) {
      const recorded = toRecorded(event);
      try {
        await this.handler.onEvent(recorded);
      } catch (error) {
        this.stopping = true;
        this.handler.onError?.(error, recorded);
        return false;
      }
    }
    this.position = event.position;
    // Fallback for servers without caughtUp: reaching the head read before subscribing.
    const head = this.head?.at;
    if (!this.everCaughtUp && head && comparePositions(event.position, head) >= 0) this.signalCaughtUp();
    return true;
  }

  /**
   * The server's signal arrives ahead of the events it already sent that still wait in the client's
   * buffer: the subscription is caught up once those are handled too.
   */
  private markCaughtUp(subscription: AllStreamSubscription): void {
    if (subscription !== this.current) return;
    const after = this.received + subscription.readableLength;
    if (this.handled >= after) this.signalCaughtUp();
    else this.caughtUpAfter = after;
  }

  private signalCaughtUp(): void {
    if (this.live || this.stopping) return;
    this.live = true;
    this.everCaughtUp = true;
    this.handler.onCaughtUp?.(this.position === undefined ? undefined : encodePosition(this.position));
    this.resolveCaughtUp();
  }

  /**
   * The server takes one filter: by category (stream prefix) when asked for categories, else by event
   * type prefix, else just without system events. Whatever the server lets through is filtered exactly
   * here too. Filtered subscriptions also report checkpoints, which tell when the head has been passed.
   */
  private serverFilter(): Filter {
    const checkpointReached = (subscription: AllStreamSubscription, position: Position): void => {
      const head = this.head?.at;
      if (!this.everCaughtUp && head && comparePositions(position, head) >= 0)
        this.markCaughtUp(subscription);
    };
    const categories = this.filter.categories ?? [];
    const types = this.filter.types ?? [];
    // Prefix `permit`, not `permit-`: a stream named just `permit` is in category `permit` too.
    if (categories.length > 0) return streamNameFilter({ prefixes: [...categories], checkpointReached });
    if (types.length > 0) return eventTypeFilter({ prefixes: [...types], checkpointReached });
    return excludeSystemEvents({ checkpointReached });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }
}

/** `commit:prepare`, both decimal: one string per position, so equal positions are equal strings. */
export function encodePosition(position: Position): string {
  return `${position.commit}:${position.prepare}`;
}

export function decodePosition(position: string): Position {
  const match = POSITION.exec(position);
  if (!match) throw new InvalidPosition(position);
  const commit = BigInt(match[1]!);
  const prepare = BigInt(match[2]!);
  if (commit > MAX_U64 || prepare > MAX_U64) throw new InvalidPosition(position);
  return { commit, prepare };
}

function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

function toEsdbExpected(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    case 'any':
      return ANY;
    default:
      return expected;
  }
}

function toEventData(event: NewEvent): EventData {
  return jsonEvent({
    id: event.id,
    type: event.type,
    // Any JSON value is accepted by validateAppend; the client serialises it with JSON.stringify.
    data: event.data as JSONType,
    metadata: event.metadata as unknown as JSONType,
  });
}

/** The server's own events: system streams (`$…`) and system event types (`$…`, e.g. links `$>`). */
function isSystemEvent(event: EsdbEvent): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

function isUserEvent(event: EsdbEvent): boolean {
  return !isSystemEvent(event);
}

function eventFilter(options: ReadAllOptions): (event: EsdbEvent) => boolean {
  const categories = options.categories?.length ? new Set(options.categories) : undefined;
  const types = options.types?.length ? new Set(options.types) : undefined;
  return (event) =>
    !isSystemEvent(event) &&
    (!categories || categories.has(categoryOf(event.streamId))) &&
    (!types || types.has(event.type));
}

function toRecorded(event: EsdbEvent): RecordedEvent {
  if (!event.position) {
    throw new Error(
      `EventStoreDB sent ${event.streamId}@${event.revision} without a position (server 22.6 or later needed)`,
    );
  }
  return {
    id: event.id,
    type: event.type,
    stream: event.streamId,
    revision: event.revision,
    position: encodePosition(event.position),
    // JSON events arrive parsed by the client.
    data: event.data as unknown,
    metadata: event.metadata as unknown as EventMetadata,
  };
}
