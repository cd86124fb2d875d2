import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandContext } from '../../event-store/command-handling/command-context.js';
import type { AuditEvent } from '../audit.events.js';

export const AUDIT_OUTBOX_FILE = 'audit-outbox.db';
/** Commits (about a page each) between checkpoints: SQLite's own default WAL size. */
const CHECKPOINT_EVERY = 1000;

/** A decided record waiting for its append; its event id is fixed, so an append repeated is answered, not doubled. */
export interface OutboxEntry {
  readonly id: string;
  readonly stream: string;
  readonly event: AuditEvent;
  readonly context: CommandContext;
}

interface Row {
  readonly id: string;
  readonly stream: string;
  readonly event: string;
  readonly context: string;
}

/**
 * The audit trail's records not yet in the event store, in `<dataDir>/audit-outbox.db`, so that a
 * process that dies (kill -9, out of memory) loses none: the next start appends what is left.
 * The records of one turn of the event loop are committed together, as soon as the turn's reads are
 * answered (one write for a busy server's many reads, not one each). WAL with synchronous=NORMAL: a
 * commit is in the WAL file, not yet fsynced, which survives the process crashing (the failure covered
 * here) at no fsync per read; only a power loss in the moments after may lose the newest records.
 */
export class AuditOutbox {
  private readonly insertAll: (rows: readonly Row[]) => void;
  private readonly deleteAll: (ids: readonly string[]) => void;
  private commitsSinceCheckpoint = 0;
  private buffered: Row[] = [];
  private commitScheduled: NodeJS.Immediate | undefined;
  /** The last commit failed: records are refused until one succeeds. */
  private failing = false;

  constructor(
    private readonly db: Database.Database,
    /** Told when a turn's records could not be committed; they stay queued in memory. */
    private readonly onCommitError: (error: unknown, records: number) => void = () => {},
  ) {
    // One process holds the data directory: an exclusive lock spares every commit its locking.
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // The WAL's checkpoint is the one fsync: made after a flush's deletes, not within a read's insert.
    db.pragma('wal_autocheckpoint = 0');
    // Keyed by the event id alone, one tree to write per record; ids are UUIDv7, so in enqueue order.
    db.exec(`CREATE TABLE IF NOT EXISTS audit_outbox (
      id TEXT PRIMARY KEY, stream TEXT NOT NULL, event TEXT NOT NULL, context TEXT NOT NULL
    ) WITHOUT ROWID`);
    const insert = db.prepare<[string, string, string, string]>(
      'INSERT OR IGNORE INTO audit_outbox (id, stream, event, context) VALUES (?, ?, ?, ?)',
    );
    const remove = db.prepare<[string]>('DELETE FROM audit_outbox WHERE id = ?');
    this.insertAll = db.transaction((rows: readonly Row[]) => {
      for (const row of rows) insert.run(row.id, row.stream, row.event, row.context);
    });
    this.deleteAll = db.transaction((ids: readonly string[]) => {
      for (const id of ids) remove.run(id);
    });
  }

  static open(dataDir: string, onCommitError?: (error: unknown, records: number) => void): AuditOutbox {
    mkdirSync(dataDir, { recursive: true });
    return new AuditOutbox(new Database(join(dataDir, AUDIT_OUTBOX_FILE)), onCommitError);
  }

  /** Keeps records of one reader and one read, committed with the rest of this turn's; the context is serialised once per call. */
  add(entries: readonly OutboxEntry[]): void {
    if (this.failing) this.commit();
    // An outbox that cannot keep records would leave them to memory alone, which a crash loses.
    if (this.failing) throw new Error('the audit outbox cannot keep records');
    const context = JSON.stringify(entries[0]!.context);
    for (const e of entries) {
      this.buffered.push({ id: e.id, stream: e.stream, event: JSON.stringify(e.event), context });
    }
    this.commitScheduled ??= setImmediate(() => this.commit());
  }

  /** Commits what this turn's reads added; on failure they are kept to try again with the next. */
  commit(): void {
    clearImmediate(this.commitScheduled);
    this.commitScheduled = undefined;
    if (this.buffered.length === 0 || !this.db.open) return;
    const rows = this.buffered;
    try {
      this.insertAll(rows);
      this.buffered = [];
      this.failing = false;
      this.commitsSinceCheckpoint += 1;
    } catch (error) {
      this.failing = true;
      this.onCommitError(error, rows.length);
    }
  }

  get closed(): boolean {
    return !this.db.open;
  }

  /** Forgets records now in the event store. */
  remove(ids: readonly string[]): void {
    // A record appended before its turn was committed must not be committed after its removal.
    this.commit();
    if (this.buffered.length > 0) {
      const written = new Set(ids);
      this.buffered = this.buffered.filter((row) => !written.has(row.id));
    }
    this.deleteAll(ids);
    if (this.commitsSinceCheckpoint < CHECKPOINT_EVERY) return;
    this.db.pragma('wal_checkpoint(RESTART)');
    this.commitsSinceCheckpoint = 0;
  }

  /** What a previous process left unwritten, oldest first. */
  entries(): OutboxEntry[] {
    return this.db
      .prepare<[], Row>('SELECT id, stream, event, context FROM audit_outbox ORDER BY id')
      .all()
      .map((row) => ({
        id: row.id,
        stream: row.stream,
        event: JSON.parse(row.event) as AuditEvent,
        context: JSON.parse(row.context) as CommandContext,
      }));
  }

  close(): void {
    this.commit();
    if (this.db.open) this.db.close();
  }
}
