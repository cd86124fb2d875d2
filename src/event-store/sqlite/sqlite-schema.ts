import Database from 'better-sqlite3';

/** WAL with synchronous=FULL: an acknowledged commit survives power loss. */
export function openDurableDatabase(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  return db;
}

/** For reading beside a writer: waits for its locks (a checkpoint of the WAL) rather than failing. */
export function openReadOnlyDatabase(file: string): Database.Database {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return db;
}

/**
 * The global log. `position` is the rowid: dense, because rows are never deleted and a rolled-back
 * insert gives its number back. Unique indexes guard (stream, revision) and the event id.
 */
export function createEventsSchema(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS events (
      position INTEGER PRIMARY KEY,
      id TEXT NOT NULL,
      stream TEXT NOT NULL,
      revision INTEGER NOT NULL,
      type TEXT NOT NULL,
      category TEXT NOT NULL,
      data TEXT NOT NULL,
      metadata TEXT NOT NULL
    );
    CREATE UNIQUE INDEX IF NOT EXISTS events_id ON events (id);
    CREATE UNIQUE INDEX IF NOT EXISTS events_stream_revision ON events (stream, revision);
    CREATE INDEX IF NOT EXISTS events_category ON events (category, position);
    CREATE INDEX IF NOT EXISTS events_type ON events (type, position);
  `);
}
