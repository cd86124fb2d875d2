import type Database from 'better-sqlite3';
import type { ReadModelDatabase } from '../../event-store/subscriptions/read-model-database.js';

/** The subscriber that writes the audit log, and the layout its checkpoint was saved with. */
export const AUDIT_LOG_SUBSCRIBER = 'audit:log';
export const AUDIT_LOG_VERSION = 4;

/** Columns a search filters on by equality, each with its index `(municipality, column, seq)`. */
export const FILTER_INDEXES = {
  actor_id: 'audit_by_actor',
  actor_role: 'audit_by_role',
  office: 'audit_by_office',
  type: 'audit_by_type',
  category: 'audit_by_category',
  region: 'audit_by_region',
} as const;
export type FilterColumn = keyof typeof FILTER_INDEXES;

/**
 * One actor's events of a type or category, `(municipality, actor_id, column, seq)`: a clerk's rare
 * events (failed sign-ins, returns) would otherwise be sought among all of theirs, and a clerk of a
 * busy municipality does tens of thousands a year.
 */
export const ACTOR_INDEXES = { type: 'audit_by_actor_type', category: 'audit_by_actor_category' } as const;
export type ActorColumn = keyof typeof ACTOR_INDEXES;

const TABLES = [
  'audit_entries',
  'audit_subjects',
  'audit_streams',
  'audit_actor_days',
  'audit_actor_streams',
] as const;

/**
 * Creates the audit log's tables; a log stored in another layout is dropped together with its
 * checkpoint, so the subscriber rebuilds it from the event log.
 */
export function prepareAuditTables(readModels: ReadModelDatabase): void {
  const db: Database.Database = readModels.db;
  db.transaction(() => {
    if (readModels.checkpoint(AUDIT_LOG_SUBSCRIBER)?.version !== AUDIT_LOG_VERSION) {
      for (const table of TABLES) db.exec(`DROP TABLE IF EXISTS ${table}`);
      readModels.saveCheckpoint(AUDIT_LOG_SUBSCRIBER, undefined, AUDIT_LOG_VERSION);
    }
    db.exec(`CREATE TABLE IF NOT EXISTS audit_entries (
      seq INTEGER PRIMARY KEY, event_id TEXT NOT NULL, type TEXT NOT NULL, category TEXT NOT NULL,
      stream TEXT NOT NULL, revision INTEGER NOT NULL, recorded_at TEXT NOT NULL, logged_at TEXT NOT NULL,
      actor_id TEXT NOT NULL, actor_role TEXT NOT NULL, office TEXT, on_behalf_of TEXT, consent TEXT,
      municipality TEXT, region TEXT, subject TEXT, subjects TEXT NOT NULL)`);
    // An event is one entry per place it belongs to (an audit query over several cities is each one's).
    db.exec('CREATE UNIQUE INDEX IF NOT EXISTS audit_by_event ON audit_entries (event_id, municipality)');
    db.exec('CREATE INDEX IF NOT EXISTS audit_by_municipality ON audit_entries (municipality, seq)');
    for (const [column, index] of Object.entries(FILTER_INDEXES))
      db.exec(`CREATE INDEX IF NOT EXISTS ${index} ON audit_entries (municipality, ${column}, seq)`);
    for (const [column, index] of Object.entries(ACTOR_INDEXES))
      db.exec(
        `CREATE INDEX IF NOT EXISTS ${index} ON audit_entries (municipality, actor_id, ${column}, seq)`,
      );
    // logged_at never decreases with seq (see the subscriber): a time range becomes a seq range through it.
    db.exec('CREATE INDEX IF NOT EXISTS audit_by_time ON audit_entries (logged_at, seq)');
    db.exec(`CREATE TABLE IF NOT EXISTS audit_subjects (
      subject TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (subject, seq)) WITHOUT ROWID`);
    db.exec(`CREATE TABLE IF NOT EXISTS audit_streams (
      stream TEXT PRIMARY KEY, context TEXT NOT NULL) WITHOUT ROWID`);
    // An actor's counts per place, so that oversight limited to regions counts only theirs; '' is no region.
    db.exec(`CREATE TABLE IF NOT EXISTS audit_actor_days (
      actor_id TEXT NOT NULL, municipality TEXT NOT NULL, region TEXT NOT NULL, day TEXT NOT NULL,
      type TEXT NOT NULL, count INTEGER NOT NULL,
      PRIMARY KEY (actor_id, municipality, region, day, type)) WITHOUT ROWID`);
    db.exec(`CREATE TABLE IF NOT EXISTS audit_actor_streams (
      actor_id TEXT NOT NULL, municipality TEXT NOT NULL, region TEXT NOT NULL, stream TEXT NOT NULL,
      count INTEGER NOT NULL, last_at TEXT NOT NULL,
      PRIMARY KEY (actor_id, municipality, region, stream)) WITHOUT ROWID`);
  })();
}
