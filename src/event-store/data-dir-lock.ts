import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const DATA_DIR_LOCK_FILE = 'data.lock';

export class DataDirLockedError extends Error {
  constructor(readonly file: string) {
    super(
      `The data directory is in use: another Daftar process (a running server or a script) holds ${file}. ` +
        'Stop it first: two processes must never run projections and reactions on the same read models.',
    );
    this.name = 'DataDirLockedError';
  }
}

/**
 * The exclusive lock on a data directory, held by the one process that may run its subscribers: an
 * SQLite exclusive lock on `data.lock`, which the OS drops when the process dies, even by SIGKILL, so a
 * lock is never stale. A second connection in the same process is refused as well.
 */
export class DataDirLock {
  private constructor(private readonly db: Database.Database) {}

  /** Throws DataDirLockedError at once (no waiting) when another process or connection holds it. */
  static take(dataDir: string): DataDirLock {
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, DATA_DIR_LOCK_FILE);
    const db = new Database(file, { timeout: 0 });
    try {
      db.pragma('locking_mode = EXCLUSIVE');
      // Never committed: the open write transaction keeps the file's exclusive lock until release.
      db.exec('BEGIN EXCLUSIVE');
    } catch (error) {
      db.close();
      if ((error as { code?: unknown }).code === 'SQLITE_BUSY') throw new DataDirLockedError(file);
      throw error;
    }
    return new DataDirLock(db);
  }

  release(): void {
    this.db.close();
  }
}
