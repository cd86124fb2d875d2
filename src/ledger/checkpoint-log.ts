import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openDurableDatabase, openReadOnlyDatabase } from '../event-store/sqlite/sqlite-schema.js';

export const LEDGER_FILE = 'ledger.db';

export interface StoredCheckpoint {
  readonly size: number;
  /** The signed note, as served. */
  readonly note: string;
  readonly madeAt: string;
}

/**
 * Every signed checkpoint, one per tree size, in `<dataDir>/ledger.db`: apart from the disposable
 * read models and durable like the log (synchronous=FULL), since a published checkpoint is never forgotten.
 */
export class CheckpointLog {
  private readonly latestRow: Database.Statement<[number], StoredCheckpoint>;
  private readonly page: Database.Statement<[number, number], StoredCheckpoint>;
  private readonly insert: Database.Statement<[number, string, string]>;
  private readonly addedListeners = new Set<() => void>();

  private constructor(private readonly db: Database.Database) {
    const columns = 'size, note, made_at AS madeAt';
    this.latestRow = db.prepare(
      `SELECT ${columns} FROM ledger_checkpoints WHERE size <= ? ORDER BY size DESC LIMIT 1`,
    );
    this.page = db.prepare(`SELECT ${columns} FROM ledger_checkpoints WHERE size > ? ORDER BY size LIMIT ?`);
    this.insert = db.prepare(
      'INSERT OR IGNORE INTO ledger_checkpoints (size, note, made_at) VALUES (?, ?, ?)',
    );
  }

  static open(dataDir: string): CheckpointLog {
    const db = openDurableDatabase(join(dataDir, LEDGER_FILE));
    db.exec(`CREATE TABLE IF NOT EXISTS ledger_checkpoints (
      size INTEGER PRIMARY KEY, note TEXT NOT NULL, made_at TEXT NOT NULL)`);
    return new CheckpointLog(db);
  }

  /** For reading beside a running server; undefined when no checkpoint was ever kept in `file`. */
  static openReadOnly(file: string): CheckpointLog | undefined {
    if (!existsSync(file)) return undefined;
    return new CheckpointLog(openReadOnlyDatabase(file));
  }

  /** The newest checkpoint, or the newest of at most `atMost` leaves. */
  latest(atMost = Number.MAX_SAFE_INTEGER): StoredCheckpoint | undefined {
    return this.latestRow.get(atMost);
  }

  /** Checkpoints of sizes above `after`, oldest first. */
  after(after: number, limit: number): StoredCheckpoint[] {
    return this.page.all(after, limit);
  }

  /** Every checkpoint, oldest first, a page at a time. */
  *all(pageSize = 1000): Generator<StoredCheckpoint> {
    for (
      let page = this.after(0, pageSize);
      page.length > 0;
      page = this.after(page.at(-1)!.size, pageSize)
    ) {
      yield* page;
    }
  }

  add(checkpoint: StoredCheckpoint): void {
    this.insert.run(checkpoint.size, checkpoint.note, checkpoint.madeAt);
    for (const listener of this.addedListeners) listener();
  }

  /** Calls the listener after each checkpoint kept: inclusion proofs now lead to it. */
  onAdded(listener: () => void): void {
    this.addedListeners.add(listener);
  }

  /** Called once the server stops (Nest calls it on a provider). */
  onApplicationShutdown(): void {
    this.close();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
