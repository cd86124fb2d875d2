import { createHash } from 'node:crypto';
import { Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import type { CommandContext } from '../../event-store/command-handling/command-context.js';
import { toNewEvent } from '../../event-store/command-handling/handle-command.js';
import type { EventStore } from '../../event-store/event-store.port.js';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import { DomainError } from '../../shared/domain-error.js';
import { newId } from '../../shared/ids.js';
import { AuditTrail, type AuditQuery, type DataAccess } from '../audit-trail.js';
import { DEFAULT_PURPOSES } from './access-purpose.js';
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
  /** How long shutdown keeps retrying before it gives up (and logs every record it could not write). */
  readonly shutdownMs: number;
}

export const DEFAULT_RECORDER_OPTIONS: RecorderOptions = {
  flushMs: 250,
  batchSize: 100,
  capacity: 10_000,
  retryMs: 100,
  maxRetryMs: 5_000,
  shutdownMs: 10_000,
};

/** A record waiting for its append; its event id is fixed when queued, so a retried append is no duplicate. */
type Pending = { readonly id: string; readonly stream: string; readonly context: CommandContext } & (
  | { readonly kind: 'RecordAccesses'; readonly record: AccessRecord }
  | { readonly kind: 'RecordAuditQueries'; readonly record: QueryRecord }
);

/**
 * The audit trail, written in the background: a read only queues its record (no await), and records
 * are appended in batches, one append per reader's stream. A failed append is retried with backoff and
 * its records stay queued; only when the queue is full is a read refused (503), never a record dropped.
 *
 * Streams are per reader: `access-<hash of reader id>` and `audit-<…>`, never a national id (stream
 * names reach the ledger and the integrator feed). The records are independent facts with no rule
 * over their stream, so they append at any revision: two instances' batches for one reader do not
 * conflict, and a retry of an append that did succeed is answered, not repeated, by its event ids.
 */
export class BackgroundAuditTrail extends AuditTrail implements BeforeApplicationShutdown {
  private readonly logger = new Logger('AuditTrail');
  private pending: Pending[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  private failures = 0;

  constructor(
    private readonly store: EventStore,
    private readonly options: RecorderOptions = DEFAULT_RECORDER_OPTIONS,
  ) {
    super();
  }

  accessed(caller: Caller, access: DataAccess): void {
    const own = caller.principal?.nationalId;
    if (!caller.principal) return;
    // A reader's own data is not recorded for them, but a co-owner still hears of it.
    const others = access.citizens.filter((citizen) => citizen !== own);
    const purpose = caller.purpose ?? DEFAULT_PURPOSES[access.what];
    // One record per citizen: each citizen's access log is then one indexed lookup.
    this.enqueue(
      caller,
      'access',
      others.map((citizen) => ({
        kind: 'RecordAccesses',
        record: { ...access, citizens: [citizen], purpose },
      })),
    );
  }

  queried(caller: Caller, query: AuditQuery): void {
    this.enqueue(caller, 'audit', [{ kind: 'RecordAuditQueries', record: query }]);
  }

  /** Records not yet written. */
  get backlog(): number {
    return this.pending.length;
  }

  /** Writes what is queued now; failed records stay queued for the next try. */
  flush(): Promise<void> {
    this.writing ??= this.writeQueued().finally(() => {
      this.writing = undefined;
      if (this.pending.length > 0) this.schedule(this.failures > 0 ? this.retryDelay() : this.nextFlushMs());
    });
    return this.writing;
  }

  // Before the store closes (it closes on application shutdown).
  async beforeApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const deadline = Date.now() + this.options.shutdownMs;
    await this.writing;
    while (this.pending.length > 0 && Date.now() < deadline) {
      await this.flush();
      if (this.pending.length > 0) await delay(this.retryDelay());
    }
    // Ids and kinds, not the records: they name citizens, and logs are not the place for national ids.
    for (const lost of this.pending) this.logger.error(`Audit record not written: ${lost.kind} ${lost.id}`);
  }

  private enqueue(
    caller: Caller,
    category: string,
    items: readonly Pick<Pending, 'kind' | 'record'>[],
  ): void {
    if (items.length === 0) return;
    const refusal = auditTrailDecider.decide(commandOf(items as Pending[]), null);
    if (refusal instanceof DomainError) {
      // The reader's purpose is their input; anything else wrong with a record is ours, not the reader's.
      if (refusal.code === 'AUDIT.INVALID_PURPOSE') throw refusal;
      this.logger.error(`${items.length} audit record(s) refused: ${refusal.code}: ${refusal.message}`);
      return;
    }
    if (this.pending.length + items.length > this.options.capacity) {
      throw new DomainError(
        'AUDIT.RECORDING_UNAVAILABLE',
        'Reads of personal data cannot be recorded right now, so they are refused; try again shortly',
        'unavailable',
      );
    }
    const context = caller.commandContext();
    const stream = readerStream(category, context.actor.id);
    for (const item of items) this.pending.push({ ...item, id: newId(), stream, context } as Pending);
    this.schedule(this.nextFlushMs());
  }

  private nextFlushMs(): number {
    return this.pending.length >= this.options.batchSize ? 0 : this.options.flushMs;
  }

  private schedule(ms: number): void {
    if (this.writing) return;
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
    for (const batch of batches([...this.pending], this.options.batchSize)) {
      try {
        await this.append(batch);
        batch.forEach((p) => written.add(p.id));
      } catch (error) {
        failed = true;
        this.logger.warn(`Audit records for ${batch[0]!.stream} not written yet, retrying: ${String(error)}`);
      }
    }
    this.pending = this.pending.filter((p) => !written.has(p.id));
    this.failures = failed ? this.failures + 1 : 0;
  }

  private retryDelay(): number {
    return Math.min(this.options.retryMs * 2 ** Math.max(0, this.failures - 1), this.options.maxRetryMs);
  }

  private async append(batch: readonly Pending[]): Promise<void> {
    const events = auditTrailDecider.decide(commandOf(batch), null);
    if (events instanceof DomainError) throw events;
    const envelopes = events.map((event, i) => toNewEvent(event, batch[i]!.id, batch[i]!.context));
    await this.store.append(batch[0]!.stream, envelopes, { expectedRevision: 'any' });
  }
}

/** The queued records in groups of one stream and kind, at most `size` each. */
function* batches(pending: readonly Pending[], size: number): Generator<readonly Pending[]> {
  const byStream = new Map<string, Pending[]>();
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

function commandOf(batch: readonly Pick<Pending, 'kind' | 'record'>[]): AuditTrailCommand {
  return batch[0]!.kind === 'RecordAccesses'
    ? { type: 'RecordAccesses', data: { records: batch.map((p) => p.record as AccessRecord) } }
    : { type: 'RecordAuditQueries', data: { queries: batch.map((p) => p.record as QueryRecord) } };
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The stream of a reader's records. The id is hashed: an actor id may hold what a stream name may not
 * (an OIDC subject such as `auth0|1`, an e-mail), and one refused append would hold up every record.
 */
export function readerStream(category: string, readerId: string): string {
  return `${category}-${createHash('sha256').update(readerId).digest('hex').slice(0, 32)}`;
}
