import { createHash } from 'node:crypto';
import { Logger, type BeforeApplicationShutdown, type OnApplicationShutdown } from '@nestjs/common';
import { toNewEvent } from '../../event-store/command-handling/handle-command.js';
import { DuplicateEventId } from '../../event-store/event-store.errors.js';
import type { EventStore } from '../../event-store/event-store.port.js';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import { DomainError } from '../../shared/domain-error.js';
import { newId } from '../../shared/ids.js';
import { AuditTrail, type AuditQuery, type DataAccess } from '../audit-trail.js';
import type { AuditEvent } from '../audit.events.js';
import { DEFAULT_PURPOSES } from './access-purpose.js';
import type { AuditOutbox, OutboxEntry } from './audit-outbox.js';
import type { AccessRecord, AuditTrailCommand, QueryRecord } from './record-access.commands.js';
import { auditTrailDecider } from './record-access.decider.js';

export interface RecorderOptions {
  /** How long a record may wait for others to share its append. */
  readonly flushMs: number;
  /** Records that start a flush at once, and the most one append holds. */
  readonly batchSize: number;
  /** Records held unwritten before reads that must be recorded are refused. */
  readonly capacity: number;
  /** The first retry's delay after a failed write; doubled each time, up to `maxRetryMs`. */
  readonly retryMs: number;
  readonly maxRetryMs: number;
  /** How long shutdown keeps retrying before it leaves the rest in the outbox for the next start. */
  readonly shutdownMs: number;
}

// Small batches: every appended event is then processed by the subscribers, and a large batch blocks
// the event loop longer (1 s and 500 records measured worse at p50 and p99 than these).
export const DEFAULT_RECORDER_OPTIONS: RecorderOptions = {
  flushMs: 250,
  batchSize: 100,
  capacity: 10_000,
  retryMs: 100,
  maxRetryMs: 5_000,
  shutdownMs: 10_000,
};

type Item =
  | { readonly kind: 'RecordAccesses'; readonly record: AccessRecord }
  | { readonly kind: 'RecordAuditQueries'; readonly record: QueryRecord };

/**
 * The audit trail, written in the background: a read only decides its record and hands it to the
 * outbox (committed with the rest of the turn's, no await), and records are appended in batches, one
 * append per reader's stream. A failed append is retried with backoff and its records stay queued, in
 * memory and in the outbox, which outlives the process: the next start appends what a crash left. Only
 * when the queue is full is a read refused (503), never a record dropped.
 *
 * Streams are per reader: `access-<hash of reader id>` and `audit-<…>`, never a national id (stream
 * names reach the ledger and the integrator feed). The records are independent facts with no rule
 * over their stream, so they append at any revision: two instances' batches for one reader do not
 * conflict, and a retry of an append that did succeed is answered, not repeated, by its event ids.
 */
export class BackgroundAuditTrail
  extends AuditTrail
  implements BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger('AuditTrail');
  /** The outbox's rows, in its order. */
  private pending: OutboxEntry[];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  private failures = 0;
  private stopped = false;

  constructor(
    private readonly store: EventStore,
    private readonly outbox: AuditOutbox,
    private readonly options: RecorderOptions = DEFAULT_RECORDER_OPTIONS,
  ) {
    super();
    this.pending = outbox.entries();
    if (this.pending.length === 0) return;
    this.logger.warn(`${this.pending.length} audit record(s) left by the last run; writing them now`);
    this.schedule(0);
  }

  accessedAll(caller: Caller, accesses: readonly DataAccess[]): void {
    // Someone not signed in is recorded as anonymous: a tracking look-up with the owner's mobile.
    const own = caller.principal?.nationalId;
    // One record per citizen: each citizen's access log is then one indexed lookup. A reader's own
    // data is not recorded for them, but a co-owner still hears of it.
    const items = accesses.flatMap((access) => {
      const purpose = caller.purpose ?? DEFAULT_PURPOSES[access.what];
      return access.citizens
        .filter((citizen) => citizen !== own)
        .map((citizen): Item => ({
          kind: 'RecordAccesses',
          record: { ...access, citizens: [citizen], purpose },
        }));
    });
    this.enqueue(caller, 'access', items);
  }

  queried(caller: Caller, query: AuditQuery): void {
    this.enqueue(caller, 'audit', [{ kind: 'RecordAuditQueries', record: query }]);
  }

  /** Records not yet written (the outbox's rows). */
  get backlog(): number {
    return this.pending.length;
  }

  /**
   * Writes what is queued now; failed records stay queued for the next try. A write under way took
   * only what was queued when it began: the rest is written after it.
   */
  flush(): Promise<void> {
    const underWay = this.writing;
    if (underWay) return underWay.then(() => this.flush());
    this.writing = this.writeQueued().finally(() => {
      this.writing = undefined;
      if (this.pending.length > 0) this.schedule(this.failures > 0 ? this.retryDelay() : this.nextFlushMs());
    });
    return this.writing;
  }

  // Before the store closes (it closes on application shutdown), while the server may still answer.
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    const deadline = Date.now() + this.options.shutdownMs;
    await this.writing;
    while (this.pending.length > 0 && Date.now() < deadline) {
      await this.flush();
      if (this.pending.length > 0) await delay(this.retryDelay());
    }
  }

  // After the HTTP server has closed: the reads it answered while the trail was stopping are kept too.
  onApplicationShutdown(): void {
    if (this.pending.length > 0) {
      this.logger.error(
        `${this.pending.length} audit record(s) not written; kept in the outbox for the next start`,
      );
    }
    this.outbox.close();
  }

  private enqueue(caller: Caller, category: string, items: readonly Item[]): void {
    if (items.length === 0) return;
    if (this.outbox.closed) throw unavailable();
    // Decided once, here: what is queued is the events, appended as they are.
    const events = this.decided(items);
    if (events.length === 0) return;
    if (this.pending.length + events.length > this.options.capacity) throw unavailable();
    const context = caller.commandContext();
    const stream = readerStream(category, context.actor.id);
    const entries = events.map((event) => ({ id: newId(), stream, event, context }));
    try {
      this.outbox.add(entries);
    } catch (error) {
      this.logger.error(`The audit outbox refused ${entries.length} record(s): ${String(error)}`);
      throw unavailable();
    }
    this.pending.push(...entries);
    this.schedule(this.nextFlushMs());
  }

  /** The events of the records; one bad record (a co-owner's id that is no national id) loses no other's. */
  private decided(items: readonly Item[]): AuditEvent[] {
    const events = auditTrailDecider.decide(commandOf(items), null);
    if (!(events instanceof DomainError)) return [...events];
    // The reader's purpose is their input; anything else wrong with a record is ours, not the reader's.
    if (events.code === 'AUDIT.INVALID_PURPOSE') throw events;
    if (items.length > 1) return items.flatMap((item) => this.decided([item]));
    this.logger.error(`An audit record refused: ${events.code}: ${events.message}`);
    return [];
  }

  private nextFlushMs(): number {
    return this.pending.length >= this.options.batchSize ? 0 : this.options.flushMs;
  }

  private schedule(ms: number): void {
    if (this.writing || this.stopped) return;
    if (this.timer && ms > 0) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, ms);
    this.timer.unref();
  }

  private async writeQueued(): Promise<void> {
    const written = new Set<string>();
    let failed = false;
    // All at once: the store commits them together, one fsync for the flush rather than one per reader.
    const appends = [...batches([...this.pending], this.options.batchSize)].map(async (batch) => {
      try {
        await this.append(batch);
        batch.forEach((p) => written.add(p.id));
      } catch (error) {
        failed = true;
        this.logger.warn(`Audit records for ${batch[0]!.stream} not written yet, retrying: ${String(error)}`);
      }
    });
    await Promise.all(appends);
    this.forget(written);
    this.failures = failed ? this.failures + 1 : 0;
  }

  private forget(written: ReadonlySet<string>): void {
    if (written.size === 0) return;
    this.pending = this.pending.filter((p) => !written.has(p.id));
    try {
      this.outbox.remove([...written]);
    } catch (error) {
      // They stay in the outbox: the next start appends them again, and the store answers by their ids.
      this.logger.warn(`Written audit records not cleared from the outbox: ${String(error)}`);
    }
  }

  private retryDelay(): number {
    return Math.min(this.options.retryMs * 2 ** Math.max(0, this.failures - 1), this.options.maxRetryMs);
  }

  private async append(batch: readonly OutboxEntry[]): Promise<void> {
    const append = (entries: readonly OutboxEntry[]) =>
      this.store.append(
        entries[0]!.stream,
        entries.map((p) => toNewEvent(p.event, p.id, p.context)),
        { expectedRevision: 'any' },
      );
    try {
      await append(batch);
    } catch (error) {
      if (!(error instanceof DuplicateEventId)) throw error;
      // Some were appended before, in another batch (an answer lost, or a crash before the outbox was
      // cleared): one at a time, each already there is answered by its id and the rest are written.
      for (const entry of batch) await append([entry]);
    }
  }
}

function unavailable(): DomainError {
  return new DomainError(
    'AUDIT.RECORDING_UNAVAILABLE',
    'Reads of personal data cannot be recorded right now, so they are refused; try again shortly',
    'unavailable',
  );
}

/** The queued records in groups of one stream, at most `size` each. */
function* batches(pending: readonly OutboxEntry[], size: number): Generator<readonly OutboxEntry[]> {
  const byStream = new Map<string, OutboxEntry[]>();
  for (const p of pending) {
    const group = byStream.get(p.stream) ?? [];
    if (group.length === 0) byStream.set(p.stream, group);
    group.push(p);
    if (group.length === size) {
      yield group;
      byStream.delete(p.stream);
    }
  }
  yield* byStream.values();
}

function commandOf(items: readonly Item[]): AuditTrailCommand {
  return items[0]!.kind === 'RecordAccesses'
    ? { type: 'RecordAccesses', data: { records: items.map((p) => p.record as AccessRecord) } }
    : { type: 'RecordAuditQueries', data: { queries: items.map((p) => p.record as QueryRecord) } };
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The stream of a reader's records. The id is hashed: an actor id may hold what a stream name may not
 * (an OIDC subject such as `auth0|1`, an e-mail), and one refused append would hold up every record.
 */
export function readerStream(category: string, readerId: string): string {
  return `${category}-${createHash('sha256').update(readerId).digest('hex').slice(0, 32)}`;
}
