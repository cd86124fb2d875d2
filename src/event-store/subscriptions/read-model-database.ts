import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ParkedEvents } from './parked-events.js';

export interface Checkpoint {
  readonly position: string | undefined;
  readonly version: number;
}

const TABLE_NAME = /^[a-z][a-z0-9_]*$/;
export const JSON_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/**
 * The read-model file: documents of every projection plus each subscriber's checkpoint, and the events
 * a reaction parked. It is disposable (rebuilt from the log), so commits skip the fsync; a crash loses
 * documents, parked events and checkpoint together, and the subscriber replays from the older checkpoint.
 */
export class ReadModelDatabase {
  readonly db: Database.Database;
  readonly parked: ParkedEvents;
  private readonly getCheckpoint: Database.Statement<[string], { position: string | null; version: number }>;
  private readonly putCheckpoint: Database.Statement<[string, string | null, number]>;

  private readonly changeListeners = new Map<string, Set<(id: string | undefined) => void>>();

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
    this.parked = new ParkedEvents(this.db);
  }

  checkpoint(name: string): Checkpoint | undefined {
    const row = this.getCheckpoint.get(name);
    return row ? { position: row.position ?? undefined, version: row.version } : undefined;
  }

  saveCheckpoint(name: string, position: string | undefined, version: number): void {
    this.putCheckpoint.run(name, position ?? null, version);
  }

  /**
   * Creates a projection's document table and its JSON indexes; with `resetCheckpointOf`, first drops
   * the documents and that subscriber's checkpoint together, so it replays the log from the start.
   */
  prepareDocuments(
    name: string,
    indexes: readonly (string | readonly string[])[],
    resetCheckpointOf?: string,
  ): void {
    const table = documentTable(name);
    this.db.transaction(() => {
      if (resetCheckpointOf !== undefined) {
        this.documentChanged(table, undefined);
        this.db.exec(`DROP TABLE IF EXISTS ${table}`);
        this.db.prepare('DELETE FROM subscriber_checkpoints WHERE name = ?').run(resetCheckpointOf);
      }
      this.db.exec(
        `CREATE TABLE IF NOT EXISTS ${table} (id TEXT PRIMARY KEY, doc TEXT NOT NULL) WITHOUT ROWID`,
      );
      for (const index of indexes) {
        const paths = typeof index === 'string' ? [index] : index;
        for (const path of paths) {
          if (!JSON_PATH.test(path))
            throw new Error(`Index path ${path} of ${name} is not a plain JSON path`);
        }
        const indexName = `${table}_${paths.map((path) => path.replace(/[^A-Za-z0-9]/g, '_')).join('__')}`;
        const columns = paths.map((path) => `json_extract(doc, '$.${path}')`).join(', ');
        // The table is WITHOUT ROWID: SQLite appends the primary key, the id, to every index.
        this.db.exec(`CREATE INDEX IF NOT EXISTS ${indexName} ON ${table} (${columns})`);
      }
    })();
  }

  /** Listens for committed changes to a document table; `undefined` means the whole table changed. */
  onChange(table: string, listener: (id: string | undefined) => void): () => void {
    const listeners = this.changeListeners.get(table) ?? new Set();
    listeners.add(listener);
    this.changeListeners.set(table, listeners);
    return () => listeners.delete(listener);
  }

  /** Called by the one writer of a table after each commit, so in-process caches stay exact. */
  documentChanged(table: string, id: string | undefined): void {
    for (const listener of this.changeListeners.get(table) ?? []) listener(id);
  }

  close(): void {
    this.db.close();
  }
}

export function documentTable(projectionName: string): string {
  if (!TABLE_NAME.test(projectionName))
    throw new Error(`Projection name ${projectionName} is not table-safe`);
  return `rm_${projectionName}`;
}
