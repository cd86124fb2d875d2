import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { categoryOf, type NewEvent, type RecordedEvent } from '../event-envelope.js';
import {
  diskRefusal,
  DuplicateEventId,
  InvalidPosition,
  StoreUnavailable,
  SubscriptionRefused,
  WrongExpectedRevision,
} from '../event-store.errors.js';
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
import { createEventsSchema, openDurableDatabase, openReadOnlyDatabase } from './sqlite-schema.js';
import { PollingSubscription, SUBSCRIPTION_PAGE } from './polling-subscription.js';
import { RecentEvents } from './recent-events.js';

interface EventRow {
  position: number;
  id: string;
  stream: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
}

interface PendingAppend {
  readonly stream: string;
  readonly events: readonly NewEvent[];
  readonly expected: ExpectedRevision;
  readonly rows: readonly (readonly [string, string, string, string, string])[];
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome = { ok: AppendResult } | { error: unknown };
/** The rows one append wrote, and where: what the recent-events cache learns after the commit. */
type Written = {
  readonly pending: PendingAppend;
  readonly first: number;
  readonly positions: readonly number[];
};

export interface SqliteEventStoreOptions {
  /** How often live subscriptions look for events appended by another process. */
  readonly pollIntervalMs?: number;
  /** The most appends committed in one transaction. */
  readonly maxBatch?: number;
  /** Opens an existing file for reading only, beside a server that may be writing it. */
  readonly readOnly?: boolean;
}

const COLUMNS = 'position, id, stream, revision, type, data, metadata';

/**
 * The embedded event store. Appends that arrive in the same turn of the event loop are committed
 * together in one transaction (group commit): one fsync for all of them, while each caller still
 * gets its own result or its own conflict, because each append runs in its own savepoint.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  private closed = false;
  private readonly appendWaiters = new Set<() => void>();
  private readonly subscriptions = new Set<PollingSubscription>();
  private readonly filteredReads = new Map<string, Database.Statement>();
  private readonly pollIntervalMs: number;
  private readonly maxBatch: number;

  private readonly commitBatch: Database.Transaction<
    (batch: PendingAppend[], outcomes: Outcome[], written: Written[]) => void
  >;
  private readonly insertInSavepoint: Database.Transaction<
    (pending: PendingAppend, first: number) => Written
  >;
  private readonly recent = new RecentEvents();
  private readonly dataVersion: Database.Statement<[], number>;
  /** `PRAGMA data_version` after this connection's last look: it moves when another process commits. */
  private seenDataVersion = 0;
  private readonly stmt: {
    streamRevision: Database.Statement<[string], { revision: number | null }>;
    eventById: Database.Statement<[string], { stream: string; revision: number; position: number }>;
    eventAt: Database.Statement<[string, number], { id: string; position: number }>;
    insert: Database.Statement<[string, string, number, string, string, string, string]>;
    head: Database.Statement<[], { position: number | null }>;
  };

  constructor(file: string, options: SqliteEventStoreOptions = {}) {
    if (options.readOnly) {
      this.db = openReadOnlyDatabase(file);
    } else {
      if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
      this.db = openDurableDatabase(file);
      createEventsSchema(this.db);
    }
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.maxBatch = options.maxBatch ?? 2000;
    this.stmt = {
      streamRevision: this.db.prepare('SELECT max(revision) AS revision FROM events WHERE stream = ?'),
      eventById: this.db.prepare('SELECT stream, revision, position FROM events WHERE id = ?'),
      eventAt: this.db.prepare('SELECT id, position FROM events WHERE stream = ? AND revision = ?'),
      insert: this.db.prepare(
        'INSERT INTO events (id, stream, revision, type, category, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      head: this.db.prepare('SELECT max(position) AS position FROM events'),
    };
    // A nested better-sqlite3 transaction is a savepoint: a multi-event append refused halfway rolls
    // back alone. A single insert needs none, since a failed statement undoes only itself.
    this.insertInSavepoint = this.db.transaction((pending: PendingAppend, first: number) =>
      this.insertRows(pending, first),
    );
    this.dataVersion = this.db.prepare<[], number>('PRAGMA data_version').pluck();
    this.seenDataVersion = this.dataVersion.get()!;
    this.commitBatch = this.db.transaction(
      (batch: PendingAppend[], outcomes: Outcome[], written: Written[]) => {
        for (const pending of batch) {
          try {
            outcomes.push({ ok: this.appendOne(pending, written) });
          } catch (error) {
            if (!isAppendRefusal(error)) throw error;
            outcomes.push({ error });
          }
        }
      },
    );
  }

  append(stream: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    try {
      if (this.closed) throw new Error('The event store is closed');
      validateAppend(stream, events, options.expectedRevision);
      const category = categoryOf(stream);
      // Serialise outside the transaction so the write lock is held only for the inserts.
      const rows = events.map((e) => {
        const row = [e.id, e.type, category, JSON.stringify(e.data), JSON.stringify(e.metadata)] as const;
        assertEventSize(e.type, row[3], row[4]);
        return row;
      });
      return new Promise<AppendResult>((resolve, reject) => {
        this.queue.push({ stream, events, expected: options.expectedRevision, rows, resolve, reject });
        this.scheduleFlush();
      });
    } catch (error) {
      return Promise.reject(error);
    }
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return this.readStreamSync(stream, options);
  }

  async readAll(fromPosition: string | undefined, options: ReadAllOptions = {}): Promise<ReadAllResult> {
    return this.readAllSync(fromPosition, options);
  }

  subscribeAll(
    fromPosition: string | undefined,
    handler: SubscriptionHandler,
    filter: ReadAllOptions = {},
  ): Subscription {
    const subscription = new PollingSubscription(
      fromPosition,
      handler,
      (after) => this.readAllSync(after, { ...filter, maxCount: SUBSCRIPTION_PAGE }),
      () => this.nextAppend(),
      () => this.startRefusal(fromPosition),
    );
    this.subscriptions.add(subscription);
    void subscription.stopped.then(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  /** A start past the end of the log cannot be waited out: the file was replaced under kept read models. */
  private startRefusal(fromPosition: string | undefined): SubscriptionRefused | undefined {
    if (fromPosition === undefined) return undefined;
    const head = this.stmt.head.get()!.position ?? 0;
    if (parsePosition(fromPosition) <= head) return undefined;
    return new SubscriptionRefused('beyond_head', `from ${fromPosition}; the log ends at ${head}`);
  }

  comparePositions(a: string, b: string): number {
    return parsePosition(a) - parsePosition(b);
  }

  async headPosition(): Promise<string | undefined> {
    const { position } = this.stmt.head.get()!;
    return position === null ? undefined : String(position);
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    while (this.queue.length > 0) this.flush();
    this.wakeWaiters();
    this.db.close();
  }

  /** Resolves after the next commit, or after the poll interval (for appends by another process). */
  private nextAppend(): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.appendWaiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, this.pollIntervalMs);
      this.appendWaiters.add(wake);
    });
  }

  private wakeWaiters(): void {
    for (const wake of [...this.appendWaiters]) wake();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush();
      if (this.queue.length > 0) this.scheduleFlush();
    });
  }

  private flush(): void {
    const batch = this.queue.splice(0, this.maxBatch);
    if (batch.length === 0) return;
    const outcomes: Outcome[] = [];
    const written: Written[] = [];
    try {
      this.commitBatch.immediate(batch, outcomes, written);
    } catch (error) {
      // The transaction as a whole failed (disk full, I/O error): nothing of the batch was written.
      const failure = storageFailure(error);
      for (const pending of batch) pending.reject(failure);
      return;
    }
    this.remember(written);
    batch.forEach((pending, i) => {
      const outcome = outcomes[i]!;
      if ('ok' in outcome) pending.resolve(outcome.ok);
      else pending.reject(outcome.error);
    });
    this.wakeWaiters();
  }

  /** The committed rows as recorded events, parsed once for every subscriber that reads them. */
  private remember(written: readonly Written[]): void {
    if (this.foreignCommit()) return;
    const events = written
      .flatMap(({ pending, first, positions }) =>
        pending.rows.map(([id, type, , data, metadata], i) =>
          toRecorded({
            position: positions[i]!,
            id,
            stream: pending.stream,
            revision: first + i,
            type,
            data,
            metadata,
          }),
        ),
      )
      .sort((a, b) => Number(a.position) - Number(b.position));
    this.recent.add(events);
  }

  /** Whether another process committed since this one last looked; the recent events are then dropped. */
  private foreignCommit(): boolean {
    const version = this.dataVersion.get()!;
    if (version === this.seenDataVersion) return false;
    this.seenDataVersion = version;
    this.recent.clear();
    return true;
  }

  private appendOne(pending: PendingAppend, written: Written[]): AppendResult {
    const current = this.stmt.streamRevision.get(pending.stream)!.revision;
    if (!expectationHolds(pending.expected, current)) {
      // Perhaps a retry of an append that already succeeded; otherwise a real conflict.
      return this.repeatedAppend(pending, current, () => wrongRevision(pending, current));
    }
    const first = current === null ? 0 : current + 1;
    try {
      const rows =
        pending.rows.length === 1 ? this.insertRows(pending, first) : this.insertInSavepoint(pending, first);
      written.push(rows);
      const last = rows.positions[rows.positions.length - 1]!;
      return { nextExpectedRevision: BigInt(first + rows.positions.length - 1), position: String(last) };
    } catch (error) {
      if (!isDuplicateId(error)) throw error;
      const taken = pending.events.find((e) => this.stmt.eventById.get(e.id)) ?? pending.events[0]!;
      return this.repeatedAppend(pending, current, () => new DuplicateEventId(taken.id));
    }
  }

  private insertRows(pending: PendingAppend, first: number): Written {
    const positions = pending.rows.map(([id, type, category, data, metadata], i) =>
      Number(
        this.stmt.insert.run(id, pending.stream, first + i, type, category, data, metadata).lastInsertRowid,
      ),
    );
    return { pending, first, positions };
  }

  /**
   * A retry of an append that already succeeded (the same ids, in order, where the expectation put
   * them) answers the first result and writes nothing. Anything else is the refusal `otherwise` gives.
   */
  private repeatedAppend(
    pending: PendingAppend,
    current: number | null,
    otherwise: () => Error,
  ): AppendResult {
    const { stream, events, expected } = pending;
    const earlier = this.stmt.eventById.get(events[0]!.id);
    if (!earlier) throw otherwise();
    if (earlier.stream !== stream) throw new DuplicateEventId(events[0]!.id);
    let position = 0;
    events.forEach((event, i) => {
      const stored = this.stmt.eventAt.get(stream, earlier.revision + i);
      if (stored?.id !== event.id) throw new DuplicateEventId(event.id);
      position = stored.position;
    });
    const fitsFirstWrite =
      expected === 'any' ||
      expected === 'stream_exists' ||
      (expected === 'no_stream' ? earlier.revision === 0 : BigInt(earlier.revision) === expected + 1n);
    if (!fitsFirstWrite) throw wrongRevision(pending, current);
    return { nextExpectedRevision: BigInt(earlier.revision + events.length - 1), position: String(position) };
  }

  private readStreamSync(stream: string, options: ReadStreamOptions): RecordedEvent[] {
    const backwards = options.direction === 'backwards';
    const limit = options.maxCount ?? -1;
    const from =
      options.fromRevision === undefined
        ? backwards
          ? Number.MAX_SAFE_INTEGER
          : 0
        : Number(options.fromRevision);
    const sql = backwards
      ? `SELECT ${COLUMNS} FROM events WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`
      : `SELECT ${COLUMNS} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision ASC LIMIT ?`;
    return this.statement(sql)
      .all(stream, from, limit)
      .map((row) => toRecorded(row as EventRow));
  }

  private readAllSync(fromPosition: string | undefined, options: ReadAllOptions): ReadAllResult {
    const after = parsePosition(fromPosition);
    const limit = options.maxCount ?? 1000;
    const categories = options.categories ?? [];
    const types = options.types ?? [];
    const recent = this.foreignCommit() ? undefined : this.recent.page(after, options, limit);
    if (recent) {
      const { events, reached } = recent;
      if (events.length === limit) return { events, nextPosition: events[events.length - 1]!.position };
      return { events, nextPosition: reached === 0 ? fromPosition : String(reached) };
    }
    // The head is read first and bounds the page: another process may commit between the two reads,
    // and a head read afterwards would carry the caller past events it never saw.
    const head = this.stmt.head.get()!.position ?? 0;
    const where = ['position > ?', 'position <= ?'];
    if (categories.length > 0) where.push(`category IN (${categories.map(() => '?').join(',')})`);
    if (types.length > 0) where.push(`type IN (${types.map(() => '?').join(',')})`);
    const sql = `SELECT ${COLUMNS} FROM events WHERE ${where.join(' AND ')} ORDER BY position LIMIT ?`;
    const rows = this.statement(sql).all(after, head, ...categories, ...types, limit) as EventRow[];
    const events = rows.map(toRecorded);
    if (events.length === limit) return { events, nextPosition: events[events.length - 1]!.position };
    // Fewer than asked: everything up to the head was looked at, including what the filter skipped.
    const reached = Math.max(after, head);
    return { events, nextPosition: reached === 0 ? fromPosition : String(reached) };
  }

  private statement(sql: string): Database.Statement {
    let statement = this.filteredReads.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.filteredReads.set(sql, statement);
    }
    return statement;
  }
}

function expectationHolds(expected: ExpectedRevision, current: number | null): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return current === null;
  if (expected === 'stream_exists') return current !== null;
  return current !== null && BigInt(current) === expected;
}

function wrongRevision({ stream, expected }: PendingAppend, current: number | null): WrongExpectedRevision {
  return new WrongExpectedRevision(stream, expected, current === null ? 'no_stream' : BigInt(current));
}

function isDuplicateId(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e.code === 'SQLITE_CONSTRAINT_UNIQUE' && e.message?.includes('events.id') === true;
}

/** A write the disk refused, as the typed error callers answer 503; anything else is a bug, thrown as is. */
function storageFailure(error: unknown): unknown {
  const reason = diskRefusal(error);
  return reason === undefined ? error : new StoreUnavailable(reason, { cause: error });
}

function isAppendRefusal(error: unknown): boolean {
  return error instanceof WrongExpectedRevision || error instanceof DuplicateEventId;
}

function parsePosition(position: string | undefined): number {
  if (position === undefined) return 0;
  if (!/^(0|[1-9][0-9]{0,15})$/.test(position)) throw new InvalidPosition(position);
  return Number(position);
}

function toRecorded(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    type: row.type,
    stream: row.stream,
    revision: BigInt(row.revision),
    position: String(row.position),
    data: JSON.parse(row.data) as unknown,
    metadata: JSON.parse(row.metadata) as RecordedEvent['metadata'],
  };
}
