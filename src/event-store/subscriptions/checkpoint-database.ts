import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Checkpoint {
  readonly position: string | undefined;
  readonly version: number;
}

/**
 * A SQLite file of subscribers' checkpoints, which a subscriber moves in the transaction of its own
 * writes there. Commits skip the fsync: a crash may lose the last ones, and the subscriber then handles
 * those events again, which each kind of subscriber can (a projection rewrites, a reaction is idempotent).
 */
export class CheckpointDatabase {
  readonly db: Database.Database;
  private readonly getCheckpoint: Database.Statement<[string], { position: string | null; version: number }>;
  private readonly putCheckpoint: Database.Statement<[string, string | null, number]>;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS subscriber_checkpoints (
      name TEXT PRIMARY KEY, position TEXT, version INTEGER NOT NULL) WITHOUT ROWID`);
    this.getCheckpoint = this.db.prepare(
      'SELECT position, version FROM subscriber_checkpoints WHERE name = ?',
    );
    this.putCheckpoint = this.db.prepare(
      `INSERT INTO subscriber_checkpoints (name, position, version) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET position = excluded.position, version = excluded.version`,
    );
  }

  checkpoint(name: string): Checkpoint | undefined {
    const row = this.getCheckpoint.get(name);
    return row ? { position: row.position ?? undefined, version: row.version } : undefined;
  }

  saveCheckpoint(name: string, position: string | undefined, version: number): void {
    this.putCheckpoint.run(name, position ?? null, version);
  }

  close(): void {
    this.db.close();
  }
}
