import { CheckpointDatabase } from './checkpoint-database.js';

const TABLE_NAME = /^[a-z][a-z0-9_]*$/;
export const JSON_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/**
 * The read-model file: documents of every projection plus each one's checkpoint. It is disposable
 * (rebuilt from the log); a crash loses documents and checkpoint together, and the projection replays
 * from the older checkpoint. The reactions' checkpoints are not here: they record effects already made
 * (see ReactionCheckpoints).
 */
export class ReadModelDatabase extends CheckpointDatabase {
  private readonly changeListeners = new Map<string, Set<(id: string | undefined) => void>>();
  private readonly anyChangeListeners = new Set<() => void>();

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

  /** Calls the listener after any document of any projection changed. */
  onAnyChange(listener: () => void): () => void {
    this.anyChangeListeners.add(listener);
    return () => this.anyChangeListeners.delete(listener);
  }

  /** Called by the one writer of a table after each commit, so in-process caches stay exact. */
  documentChanged(table: string, id: string | undefined): void {
    for (const listener of this.changeListeners.get(table) ?? []) listener(id);
    for (const listener of this.anyChangeListeners) listener();
  }
}

export function documentTable(projectionName: string): string {
  if (!TABLE_NAME.test(projectionName))
    throw new Error(`Projection name ${projectionName} is not table-safe`);
  return `rm_${projectionName}`;
}
