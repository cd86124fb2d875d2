import type Database from 'better-sqlite3';
import type { ReadModelDatabase } from '../../event-store/subscriptions/read-model-database.js';
import type {
  EndedStage,
  ReportFacts,
  ReturnFact,
  StaffAction,
  TrackedFile,
} from '../../../projections/audit-reports/report-facts.js';
import type {
  ConflictRow,
  OpenFilesRow,
  OverrideRow,
} from '../../../projections/audit-reports/report-rows.js';
import type { AuditArea } from '../audit-scope.js';
import type { TimeRange } from '../audit-time-range.js';
import { AuditPeopleTables } from './audit-people.tables.js';
import { inAreas, inRange, type Value } from './report-sql.js';

export const AUDIT_REPORTS_SUBSCRIBER = 'audit:reports';
/** Raised when the tables change shape: the subscriber then rebuilds them from the log. */
export const AUDIT_REPORTS_VERSION = 2;

/**
 * The facts behind the oversight reports, one table each, indexed by municipality and time so that a
 * report reads only the rows of its areas and range, never the whole log.
 */
export class AuditReportsReadModel {
  private readonly db: Database.Database;
  readonly people: AuditPeopleTables;

  constructor(readonly readModels: ReadModelDatabase) {
    this.db = readModels.db;
    if (readModels.checkpoint(AUDIT_REPORTS_SUBSCRIBER)?.version !== AUDIT_REPORTS_VERSION) this.reset();
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS audit_report_files (id TEXT PRIMARY KEY, municipality TEXT NOT NULL,
        region TEXT NOT NULL, open INTEGER NOT NULL, doc TEXT NOT NULL) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS audit_report_files_open ON audit_report_files (open, municipality);
      CREATE TABLE IF NOT EXISTS audit_report_stages (municipality TEXT NOT NULL, region TEXT NOT NULL,
        at TEXT NOT NULL, doc TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS audit_report_stages_at ON audit_report_stages (municipality, at);
      CREATE TABLE IF NOT EXISTS audit_report_overrides (municipality TEXT NOT NULL, region TEXT NOT NULL,
        at TEXT NOT NULL, doc TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS audit_report_overrides_at ON audit_report_overrides (municipality, at);
      CREATE TABLE IF NOT EXISTS audit_report_returns (municipality TEXT NOT NULL, region TEXT NOT NULL,
        at TEXT NOT NULL, doc TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS audit_report_returns_at ON audit_report_returns (municipality, at);
      CREATE TABLE IF NOT EXISTS audit_report_actions (municipality TEXT NOT NULL, region TEXT,
        at TEXT NOT NULL, doc TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS audit_report_actions_at ON audit_report_actions (municipality, at);
      CREATE TABLE IF NOT EXISTS audit_report_conflicts (municipality TEXT NOT NULL, region TEXT,
        at TEXT NOT NULL, doc TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS audit_report_conflicts_at ON audit_report_conflicts (municipality, at);`);
    this.people = new AuditPeopleTables(this.db);
  }

  private reset(): void {
    this.db.transaction(() => {
      for (const table of [
        ...['files', 'stages', 'overrides', 'returns', 'actions', 'conflicts'],
        ...AuditPeopleTables.TABLES,
      ])
        this.db.exec(`DROP TABLE IF EXISTS audit_report_${table}`);
      this.db.prepare('DELETE FROM subscriber_checkpoints WHERE name = ?').run(AUDIT_REPORTS_SUBSCRIBER);
    })();
  }

  file(id: string): TrackedFile | undefined {
    const row = this.db
      .prepare<[string], { doc: string }>('SELECT doc FROM audit_report_files WHERE id = ?')
      .get(id);
    return row && (JSON.parse(row.doc) as TrackedFile);
  }

  /** Writes what one event added; the caller runs it in the transaction that saves the checkpoint. */
  record(facts: ReportFacts): void {
    const { file, ended, override, returns, action } = facts;
    if (file)
      this.db
        .prepare(
          'INSERT OR REPLACE INTO audit_report_files (id, municipality, region, open, doc) VALUES (?, ?, ?, ?, ?)',
        )
        .run(file.id, file.municipality, file.region, file.open ? 1 : 0, JSON.stringify(file));
    if (ended) this.insert('stages', ended.municipality, ended.region, ended.endedAt, ended);
    if (override)
      this.insert('overrides', override.municipality, override.region ?? '', override.at, override);
    for (const r of returns) this.insert('returns', r.municipality, r.region, r.at, r);
    if (action) this.insert('actions', action.municipality, action.region ?? null, action.at, action);
  }

  recordConflict(conflict: ConflictRow, region: string): void {
    this.insert('conflicts', conflict.municipality, region, conflict.at, conflict);
  }

  private insert(table: string, municipality: string, region: string | null, at: string, doc: object): void {
    this.db
      .prepare(`INSERT INTO audit_report_${table} (municipality, region, at, doc) VALUES (?, ?, ?, ?)`)
      .run(municipality, region, at, JSON.stringify(doc));
  }

  stages(areas: readonly AuditArea[], range: TimeRange): EndedStage[] {
    return this.facts<EndedStage>('stages', areas, range);
  }

  overrides(areas: readonly AuditArea[], range: TimeRange): OverrideRow[] {
    return this.facts<OverrideRow>('overrides', areas, range, 'DESC');
  }

  returns(areas: readonly AuditArea[], range: TimeRange): ReturnFact[] {
    return this.facts<ReturnFact>('returns', areas, range);
  }

  actions(areas: readonly AuditArea[], range: TimeRange): StaffAction[] {
    return this.facts<StaffAction>('actions', areas, range);
  }

  conflicts(areas: readonly AuditArea[], range: TimeRange): ConflictRow[] {
    return this.facts<ConflictRow>('conflicts', areas, range, 'DESC');
  }

  openFiles(areas: readonly AuditArea[]): OpenFilesRow[] {
    const { sql, params } = inAreas(areas);
    return this.db
      .prepare<Value[], OpenFilesRow>(
        `SELECT json_extract(doc, '$.process') AS process, json_extract(doc, '$.stage') AS state,
           municipality, count(*) AS count
         FROM audit_report_files WHERE open = 1 AND ${sql}
         GROUP BY municipality, process, state ORDER BY municipality, process, state`,
      )
      .all(...params);
  }

  private facts<T>(table: string, areas: readonly AuditArea[], range: TimeRange, order = 'ASC'): T[] {
    const where = inAreas(areas);
    const time = inRange(range);
    return this.db
      .prepare<Value[], { doc: string }>(
        `SELECT doc FROM audit_report_${table} WHERE ${where.sql} ${time.sql} ORDER BY at ${order}`,
      )
      .all(...where.params, ...time.params)
      .map((row) => JSON.parse(row.doc) as T);
  }
}
