import type Database from 'better-sqlite3';
import type { ReadModelDatabase } from '../../event-store/subscriptions/read-model-database.js';
import { activityRows } from '../../../projections/audit-reports/activity.js';
import { afterHoursRow } from '../../../projections/audit-reports/after-hours.js';
import type {
  ReportFacts,
  StaffAction,
  TrackedFile,
} from '../../../projections/audit-reports/report-facts.js';
import type {
  ActivityRow,
  AfterHoursRow,
  ConflictRow,
  OpenFilesRow,
  OverrideRow,
  ReportPage,
  ReturnRow,
  TurnaroundRow,
} from '../../../projections/audit-reports/report-rows.js';
import {
  periodsOf,
  type TurnaroundGroup,
  type TurnaroundSeries,
} from '../../../projections/audit-reports/turnaround.js';
import type { WorkingHours } from '../../../projections/audit-reports/working-hours.js';
import type { AuditArea } from '../audit-scope.js';
import type { TimeRange } from '../audit-time-range.js';
import { AuditPeopleTables } from './audit-people.tables.js';
import {
  after,
  decodeListCursor,
  encodeListCursor,
  inAreas,
  inRange,
  outsideHours,
  type Clause,
  type Value,
} from './report-sql.js';
import { statementCache, type Prepare } from '../../event-store/sqlite/statement-cache.js';

export const AUDIT_REPORTS_SUBSCRIBER = 'audit:reports';
/** Raised when the tables change shape: the subscriber then rebuilds them from the log. */
export const AUDIT_REPORTS_VERSION = 3;

/** A page of a list report asked for: how many rows, after which (`nextCursor` of the page before). */
export interface ListAsk {
  readonly pageSize: number;
  readonly cursor?: string;
}

/** A page of a list report. */
export interface Listed<Row> {
  readonly rows: Row[];
  readonly page: ReportPage;
}

/** The columns of a turnaround row each grouping adds to the stage, as `column AS field`. */
const TURNAROUND_GROUPING: Record<TurnaroundGroup, readonly (readonly [string, string])[]> = {
  stage: [],
  municipality: [['municipality', 'municipality']],
  region: [
    ['municipality', 'municipality'],
    ['region', 'region'],
  ],
  clerk: [['clerk_id', 'clerkId']],
};

/**
 * The facts behind the oversight reports, one table each, indexed by municipality and time so that a
 * report reads only the rows of its areas and range, never the whole log. Counts, groups and percentiles
 * are computed by SQLite; lists come a page at a time: a report over a year of a province holds no more
 * in memory than its answer.
 */
export class AuditReportsReadModel {
  private readonly db: Database.Database;
  private readonly prepare: Prepare;
  readonly people: AuditPeopleTables;

  constructor(readonly readModels: ReadModelDatabase) {
    this.db = readModels.db;
    this.prepare = statementCache(this.db);
    if (readModels.checkpoint(AUDIT_REPORTS_SUBSCRIBER)?.version !== AUDIT_REPORTS_VERSION) this.reset();
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS audit_report_files (id TEXT PRIMARY KEY, municipality TEXT NOT NULL,
        region TEXT NOT NULL, open INTEGER NOT NULL, doc TEXT NOT NULL) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS audit_report_files_open ON audit_report_files (open, municipality);
      CREATE TABLE IF NOT EXISTS audit_report_stages (municipality TEXT NOT NULL, region TEXT NOT NULL,
        at TEXT NOT NULL, process TEXT NOT NULL, stage TEXT NOT NULL, clerk_id TEXT NOT NULL,
        seconds INTEGER NOT NULL, month TEXT NOT NULL, week TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS audit_report_stages_at ON audit_report_stages (municipality, at);
      CREATE TABLE IF NOT EXISTS audit_report_overrides (municipality TEXT NOT NULL, region TEXT NOT NULL,
        at TEXT NOT NULL, doc TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS audit_report_overrides_at ON audit_report_overrides (municipality, at);
      CREATE TABLE IF NOT EXISTS audit_report_returns (municipality TEXT NOT NULL, region TEXT NOT NULL,
        at TEXT NOT NULL, clerk_id TEXT NOT NULL, what TEXT NOT NULL, reason TEXT NOT NULL,
        document_kind TEXT);
      CREATE INDEX IF NOT EXISTS audit_report_returns_at ON audit_report_returns (municipality, at);
      CREATE TABLE IF NOT EXISTS audit_report_actions (municipality TEXT NOT NULL, region TEXT,
        at TEXT NOT NULL, hour INTEGER NOT NULL, tehran_day TEXT NOT NULL, weekday TEXT NOT NULL,
        minute_of_day INTEGER NOT NULL, doc TEXT NOT NULL);
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
      this.prepare('DELETE FROM subscriber_checkpoints WHERE name = ?').run(AUDIT_REPORTS_SUBSCRIBER);
    })();
  }

  file(id: string): TrackedFile | undefined {
    const row = this.prepare<[string], { doc: string }>(
      'SELECT doc FROM audit_report_files WHERE id = ?',
    ).get(id);
    return row && (JSON.parse(row.doc) as TrackedFile);
  }

  /** Writes what one event added; the caller runs it in the transaction that saves the checkpoint. */
  record(facts: ReportFacts): void {
    const { file, ended, override, returns, action } = facts;
    if (file)
      this.prepare(
        'INSERT OR REPLACE INTO audit_report_files (id, municipality, region, open, doc) VALUES (?, ?, ?, ?, ?)',
      ).run(file.id, file.municipality, file.region, file.open ? 1 : 0, JSON.stringify(file));
    if (ended) {
      const { month, week } = periodsOf(ended.endedAt);
      this.prepare(
        `INSERT INTO audit_report_stages (municipality, region, at, process, stage, clerk_id, seconds, month, week)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        ended.municipality,
        ended.region,
        ended.endedAt,
        ended.process,
        ended.stage,
        ended.clerkId,
        ended.seconds,
        month,
        week,
      );
    }
    if (override)
      this.insert('overrides', override.municipality, override.region ?? '', override.at, override);
    for (const r of returns)
      this.prepare(
        `INSERT INTO audit_report_returns (municipality, region, at, clerk_id, what, reason, document_kind)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(r.municipality, r.region, r.at, r.clerkId, r.what, r.reason, r.documentKind ?? null);
    if (action)
      this.prepare(
        `INSERT INTO audit_report_actions (municipality, region, at, hour, tehran_day, weekday, minute_of_day, doc)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        action.municipality,
        action.region ?? null,
        action.at,
        action.hour,
        action.tehranDay,
        action.weekday,
        action.minuteOfDay,
        JSON.stringify(action),
      );
  }

  recordConflict(conflict: ConflictRow, region: string): void {
    this.insert('conflicts', conflict.municipality, region, conflict.at, conflict);
  }

  private insert(table: string, municipality: string, region: string | null, at: string, doc: object): void {
    this.prepare(`INSERT INTO audit_report_${table} (municipality, region, at, doc) VALUES (?, ?, ?, ?)`).run(
      municipality,
      region,
      at,
      JSON.stringify(doc),
    );
  }

  /**
   * Count, median and 90th percentile of the stages' durations per stage and the asked group and period.
   * Percentiles by nearest rank: the value at rank ⌈p·n/100⌉ of the sorted group (at least 1), always one
   * of the values, so a median of seconds stays whole seconds; `(p·n + 99) / 100` is that ceiling in
   * integers.
   */
  turnaround(
    areas: readonly AuditArea[],
    range: TimeRange,
    by: TurnaroundGroup,
    series?: TurnaroundSeries,
  ): TurnaroundRow[] {
    const grouping = [
      ['process', 'process'],
      ['stage', 'stage'],
      ...TURNAROUND_GROUPING[by],
      ...(series ? [[series, 'period'] as const] : []),
    ];
    const columns = grouping.map(([column]) => column).join(', ');
    const fields = grouping.map(([column, field]) => `${column} AS ${field}`).join(', ');
    const where = this.where(areas, range);
    return this.prepare<Value[], TurnaroundRow>(
      `SELECT ${fields}, n AS count,
           min(CASE WHEN rank = (50 * n + 99) / 100 THEN seconds END) AS medianSeconds,
           min(CASE WHEN rank = (90 * n + 99) / 100 THEN seconds END) AS p90Seconds
         FROM (SELECT ${columns}, seconds,
             row_number() OVER (PARTITION BY ${columns} ORDER BY seconds) AS rank,
             count(*) OVER (PARTITION BY ${columns}) AS n
           FROM audit_report_stages WHERE ${where.sql})
         GROUP BY ${columns} ORDER BY ${series ? 'period, ' : ''}${columns}`,
    ).all(...where.params);
  }

  /** Returns counted per clerk, what was returned and the reason, the most frequent first. */
  returns(areas: readonly AuditArea[], range: TimeRange): ReturnRow[] {
    const where = this.where(areas, range);
    return this.prepare<Value[], ReturnRow & { documentKind: string | null }>(
      `SELECT clerk_id AS clerkId, what, reason, document_kind AS documentKind, count(*) AS count,
           max(at) AS lastAt
         FROM audit_report_returns WHERE ${where.sql}
         GROUP BY clerk_id, what, reason, document_kind ORDER BY count DESC, clerkId, what, reason`,
    )
      .all(...where.params)
      .map(({ documentKind, ...row }) => (documentKind === null ? row : { ...row, documentKind }));
  }

  /** Staff actions per Tehran hour of the day and per Tehran day. */
  activity(areas: readonly AuditArea[], range: TimeRange): ActivityRow[] {
    const where = this.where(areas, range);
    const count = <Row>(column: string, field: string) =>
      this.prepare<Value[], Row>(
        `SELECT ${column} AS ${field}, count(*) AS count FROM audit_report_actions WHERE ${where.sql}
           GROUP BY ${column}`,
      ).all(...where.params);
    return activityRows(
      count<{ hour: number; count: number }>('hour', 'hour'),
      count<{ day: string; count: number }>('tehran_day', 'day'),
    );
  }

  overrides(areas: readonly AuditArea[], range: TimeRange, ask: ListAsk): Listed<OverrideRow> {
    return this.list<OverrideRow>('overrides', areas, range, ask);
  }

  /** Staff actions outside the working hours (Tehran time), newest first. */
  afterHours(
    areas: readonly AuditArea[],
    range: TimeRange,
    hours: WorkingHours,
    ask: ListAsk,
  ): Listed<AfterHoursRow> {
    const found = this.list<StaffAction>('actions', areas, range, ask, outsideHours(hours));
    return { ...found, rows: found.rows.map(afterHoursRow) };
  }

  conflicts(areas: readonly AuditArea[], range: TimeRange, ask: ListAsk): Listed<ConflictRow> {
    return this.list<ConflictRow>('conflicts', areas, range, ask);
  }

  openFiles(areas: readonly AuditArea[]): OpenFilesRow[] {
    const { sql, params } = inAreas(areas);
    return this.prepare<Value[], OpenFilesRow>(
      `SELECT json_extract(doc, '$.process') AS process, json_extract(doc, '$.stage') AS state,
           municipality, count(*) AS count
         FROM audit_report_files WHERE open = 1 AND ${sql}
         GROUP BY municipality, process, state ORDER BY municipality, process, state`,
    ).all(...params);
  }

  private where(areas: readonly AuditArea[], range: TimeRange): Clause {
    const where = inAreas(areas);
    const time = inRange(range);
    return { sql: `${where.sql} ${time.sql}`, params: [...where.params, ...time.params] };
  }

  /**
   * A page of a list, newest first: each area read through its (municipality, at) index in that order,
   * no more than a page each, then merged, so a province's page reads areas × (page + 1) rows at most.
   */
  private list<T>(
    table: string,
    areas: readonly AuditArea[],
    range: TimeRange,
    { pageSize, cursor }: ListAsk,
    also: Clause = { sql: '', params: [] },
  ): Listed<T> {
    const from = after(decodeListCursor(cursor));
    const found = areas
      .flatMap((area) => {
        const where = this.where([area], range);
        return this.prepare<Value[], { id: number; at: string; doc: string }>(
          `SELECT rowid AS id, at, doc FROM audit_report_${table}
             WHERE ${where.sql} ${from.sql} ${also.sql} ORDER BY at DESC, rowid DESC LIMIT ?`,
        ).all(...where.params, ...from.params, ...also.params, pageSize + 1);
      })
      .sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id);
    const rows = found.slice(0, pageSize);
    const truncated = found.length > pageSize;
    return {
      rows: rows.map((row) => JSON.parse(row.doc) as T),
      page: { pageSize, truncated, ...(truncated ? { nextCursor: encodeListCursor(rows.at(-1)!) } : {}) },
    };
  }
}
