import {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  jsonEvent,
  type AppendExpectedRevision,
  type EventData,
  type JSONType,
  type Position,
} from '@eventstore/db-client';
import type { NewEvent, RecordedEvent } from '../event-envelope.js';
import { StoreUnavailable, WrongExpectedRevision } from '../event-store.errors.js';
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
import { assertEventSize, validateAppend } from '../validate-append.js';
import { CatchUpSubscription, type Backoff } from './catch-up-subscription.js';
import { appendFailure, unreachable } from './esdb-errors.js';
import {
  comparePositions,
  decodePosition,
  encodePosition,
  eventFilter,
  isUserEvent,
  toRecorded,
} from './esdb-records.js';

export interface EventStoreDbEventStoreOptions {
  readonly resubscribeBackoffMs?: Backoff;
  /** How long `ping` waits for an answer (the client itself gives reads no deadline). */
  readonly pingDeadlineMs?: number;
}

const DEFAULT_BACKOFF: Backoff = { initial: 100, max: 5000 };
const DEFAULT_READ_ALL_COUNT = 1000;
const HEAD_PAGE = 256;
const PING_DEADLINE_MS = 5000;

const noop = (): void => undefined;

/**
 * The production store: EventStoreDB / KurrentDB over gRPC. Concurrency control and idempotent retries
 * (same event ids at the same place) are the server's own; positions are $all's {commit, prepare}
 * pairs, written as one opaque string.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly backoff: Backoff;
  private readonly pingDeadlineMs: number;
  private readonly subscriptions = new Set<CatchUpSubscription>();
  private closed = false;

  /** From a connection string, or a client made elsewhere (the adapter's unit tests hand in a stand-in). */
  constructor(connection: string | EventStoreDBClient, options: EventStoreDbEventStoreOptions = {}) {
    this.client =
      typeof connection === 'string' ? EventStoreDBClient.connectionString(connection) : connection;
    this.backoff = options.resubscribeBackoffMs ?? DEFAULT_BACKOFF;
    this.pingDeadlineMs = options.pingDeadlineMs ?? PING_DEADLINE_MS;
  }

  async append(stream: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    this.assertOpen();
    const expected = options.expectedRevision;
    validateAppend(stream, events, expected);
    for (const e of events) assertEventSize(e.type, JSON.stringify(e.data), JSON.stringify(e.metadata));
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
      throw appendFailure(stream, error);
    }
    // A single event's append position is its $all position. A multi-event write reports the position of
    // its transaction, which is its first event's, while a waiter needs the last; and an idempotent retry
    // may report none. Only then ask the stream, so a retry answers exactly what the first write answered.
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
      // A deleted stream reads as absent; appending to it is refused (StreamDeleted).
      if (error instanceof StreamNotFoundError || error instanceof StreamDeletedError) return [];
      throw unreachable(error);
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
      () => this.logEnd(),
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
    const head = await this.lastUserEvent();
    return head ? encodePosition(head) : undefined;
  }

  /** Reads the last record, refused as unreachable when no answer comes within the deadline. */
  async ping(): Promise<void> {
    this.assertOpen();
    const read = this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 });
    read.on('error', noop);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        void read.cancel().catch(noop);
        const silent = new Error(`no answer within ${this.pingDeadlineMs} ms`);
        reject(new StoreUnavailable('unreachable', { cause: silent }));
      }, this.pingDeadlineMs);
    });
    const drained = (async () => {
      for await (const _ of read) {
        // draining is the point: the read answered
      }
    })();
    try {
      await Promise.race([drained, deadline]);
    } catch (error) {
      throw unreachable(error);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.client.dispose();
  }

  /**
   * The position of the log's last record of any kind, read from the leader: a follower may lag behind a
   * checkpoint this instance wrote. (A connection that prefers followers moves to the leader for it.)
   */
  private async logEnd(): Promise<Position | undefined> {
    const read = this.client.readAll({
      fromPosition: END,
      direction: BACKWARDS,
      maxCount: 1,
      requiresLeader: true,
    });
    read.on('error', noop);
    let end: Position | undefined;
    for await (const resolved of read) end = resolved.event?.position ?? end;
    return end;
  }

  /** Reads $all backwards, a page at a time, for the last event that is not the server's own. */
  private async lastUserEvent(): Promise<Position | undefined> {
    let cursor: Position | undefined;
    for (;;) {
      const read = this.client.readAll({
        fromPosition: cursor ?? END,
        direction: BACKWARDS,
        maxCount: HEAD_PAGE,
      });
      read.on('error', noop);
      let raw = 0;
      for await (const resolved of read) {
        raw += 1;
        const event = resolved.event;
        if (!event || (cursor && comparePositions(event.position, cursor) >= 0)) continue;
        cursor = event.position;
        if (isUserEvent(event)) {
          await read.cancel().catch(noop);
          return event.position;
        }
      }
      if (raw < HEAD_PAGE || cursor === undefined) return undefined; // reached the start of the log
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
