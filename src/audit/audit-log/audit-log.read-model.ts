import { Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import type { AuditEntry } from '../../../projections/audit/audit-entry.js';
import { ReadModelDatabase } from '../../event-store/subscriptions/read-model-database.js';
import { placeInAreas, type AuditArea } from '../audit-scope.js';
import {
  ACTOR_INDEXES,
  FILTER_INDEXES,
  prepareAuditTables,
  type ActorColumn,
  type FilterColumn,
} from './audit-log.tables.js';
import { statementCache, type Prepare } from '../../event-store/sqlite/statement-cache.js';

/** An entry as searches answer it: absent fields are NULL, the main subject alone. */
export type AuditRow = { readonly seq: number; readonly subject: string | null } & {
  readonly [K in keyof Omit<AuditEntry, 'subjects' | 'alsoIn'>]-?: undefined extends AuditEntry[K]
    ? Exclude<AuditEntry[K], undefined> | null
    : AuditEntry[K];
};

/** What a search asks for besides its areas; every field narrows it. */
export interface AuditFilter {
  readonly actorId?: string;
  readonly role?: string;
  readonly office?: string;
  readonly types?: readonly string[];
  readonly category?: string;
  readonly subject?: string;
  /** UTC ISO-8601, half-open: since ≤ recordedAt < before. */
  readonly since?: string;
  readonly before?: string;
  /** Keyset: only entries older in log order than this one. */
  readonly beforeSeq?: number;
}

const COLUMNS = `e.seq, e.event_id AS eventId, e.type, e.category, e.stream, e.revision,
  e.recorded_at AS recordedAt, e.actor_id AS actorId, e.actor_role AS actorRole, e.office,
  e.on_behalf_of AS onBehalfOf, e.consent, e.municipality, e.region, e.subject`;

/** One indexed read, newest first: equal to `value` on the lane's column within one municipality. */
interface Lane {
  readonly municipality: string;
  readonly column: FilterColumn | 'subject' | undefined;
  readonly value?: string;
  /** Read through the actor's index of this column (ACTOR_INDEXES): the filter's actor is the caller's. */
  readonly ofActor?: boolean;
}

/**
 * The audit log as oversight searches it. Every search is a few index reads, newest first, one per
 * municipality (and per asked type or region) merged by log order: never a scan of the whole log.
 */
@Injectable()
export class AuditLogReadModel {
  private readonly db: Database.Database;
  private readonly statement: Prepare;

  constructor(readModels: ReadModelDatabase) {
    prepareAuditTables(readModels);
    this.db = readModels.db;
    this.statement = statementCache(this.db);
  }

  /**
   * Up to `limit` entries in `areas` matching `filter`, newest first. An entry of several places (rows
   * in a row) is answered once, as its oldest row found, so that a page after it starts past all of them.
   */
  search(areas: readonly AuditArea[], filter: AuditFilter, limit: number): AuditRow[] {
    const bounds = this.seqBounds(filter);
    if (bounds === undefined) return [];
    const found = areas
      .flatMap((area) => lanesOf(area, filter))
      .flatMap((lane) => this.read(lane, areas, filter, bounds, limit));
    const byEvent = new Map<string, AuditRow>();
    for (const row of found.sort((a, b) => b.seq - a.seq)) {
      const held = byEvent.get(row.eventId);
      byEvent.set(row.eventId, held ? { ...held, seq: row.seq } : row);
    }
    return [...byEvent.values()].slice(0, limit);
  }

  /** The SQL and parameters of one lane's read, for the query-plan test too. */
  laneQuery(
    lane: Lane,
    areas: readonly AuditArea[],
    filter: AuditFilter,
    bounds: SeqBounds,
    limit: number,
  ): { sql: string; params: unknown[] } {
    const where: string[] = ['e.municipality = ?'];
    const params: unknown[] = [lane.municipality];
    const equal = (column: string, value: string | undefined) => {
      if (value === undefined) return;
      where.push(`e.${column} = ?`);
      params.push(value);
    };
    const oneOf = (column: string, values: readonly string[] | undefined) => {
      if (!values?.length) return;
      where.push(`e.${column} IN (${values.map(() => '?').join(', ')})`);
      params.push(...values);
    };
    let from = `audit_entries e INDEXED BY ${indexOf(lane)}`;
    let order = 'e.seq';
    if (lane.column === 'subject') {
      from = 'audit_subjects s JOIN audit_entries e ON e.seq = s.seq';
      where.unshift('s.subject = ?');
      params.unshift(lane.value);
      order = 's.seq';
    } else if (lane.column !== undefined) {
      equal(lane.column, lane.value);
    }
    equal('actor_id', lane.column === 'actor_id' ? undefined : filter.actorId);
    equal('actor_role', lane.column === 'actor_role' ? undefined : filter.role);
    equal('office', lane.column === 'office' ? undefined : filter.office);
    equal('category', lane.column === 'category' ? undefined : filter.category);
    oneOf('type', lane.column === 'type' ? undefined : filter.types);
    const regions = areas.find((a) => a.municipality === lane.municipality)?.regions;
    oneOf('region', lane.column === 'region' ? undefined : regions);
    if (filter.since !== undefined) {
      where.push('e.recorded_at >= ?');
      params.push(filter.since);
    }
    if (filter.before !== undefined) {
      where.push('e.recorded_at < ?');
      params.push(filter.before);
    }
    where.push(`${order} >= ?`, `${order} < ?`);
    params.push(bounds.from, bounds.to, limit);
    return {
      sql: `SELECT ${COLUMNS} FROM ${from} WHERE ${where.join(' AND ')} ORDER BY ${order} DESC LIMIT ?`,
      params,
    };
  }

  /** The entry of an event in one of the areas, if it is there. */
  byEventId(eventId: string, areas: readonly AuditArea[]): AuditRow | undefined {
    const rows = this.statement(`SELECT ${COLUMNS} FROM audit_entries e WHERE e.event_id = ?`).all(
      eventId,
    ) as AuditRow[];
    return rows.find((row) => placeInAreas(row, areas));
  }

  /** Every subject of an entry. */
  subjectsOf(seq: number): string[] {
    const json = this.statement('SELECT subjects FROM audit_entries WHERE seq = ?').pluck().get(seq);
    return JSON.parse((json as string | undefined) ?? '[]') as string[];
  }

  /** Entries of a subject of any place (a user's sign-ins), newest first. */
  ofSubject(subject: string, types: readonly string[], limit: number): AuditRow[] {
    const sql = `SELECT ${COLUMNS} FROM audit_subjects s JOIN audit_entries e ON e.seq = s.seq
      WHERE s.subject = ? AND e.type IN (${types.map(() => '?').join(', ')}) ORDER BY s.seq DESC LIMIT ?`;
    return this.statement(sql).all(subject, ...types, limit) as AuditRow[];
  }

  /** How many events of each type an actor wrote per Tehran day, in the areas (and their regions). */
  actorDays(actorId: string, areas: readonly AuditArea[]): { day: string; type: string; count: number }[] {
    return this.inPlaces(
      `SELECT day, type, sum(count) AS count FROM audit_actor_days WHERE actor_id = ? AND (%)
       GROUP BY day, type ORDER BY day DESC, type`,
      actorId,
      areas,
    );
  }

  /** The files (streams) an actor touched, the last touched first. */
  actorStreams(
    actorId: string,
    areas: readonly AuditArea[],
    limit: number,
  ): { stream: string; count: number; lastAt: string }[] {
    return this.inPlaces(
      `SELECT stream, sum(count) AS count, max(last_at) AS lastAt FROM audit_actor_streams
       WHERE actor_id = ? AND (%) GROUP BY stream ORDER BY lastAt DESC LIMIT ${limit}`,
      actorId,
      areas,
    );
  }

  /** `sql` with `%` as the areas: a municipality whole, or only the rows of its regions. */
  private inPlaces<Row>(sql: string, actorId: string, areas: readonly AuditArea[]): Row[] {
    if (areas.length === 0) return [];
    const place = ({ regions }: AuditArea) =>
      regions
        ? `(municipality = ? AND region IN (${regions.map(() => '?').join(', ')}))`
        : 'municipality = ?';
    const filled = sql.replace('%', areas.map(place).join(' OR '));
    const params = areas.flatMap((a) => [a.municipality, ...(a.regions ?? [])]);
    return this.statement(filled).all(actorId, ...params) as Row[];
  }

  private read(
    lane: Lane,
    areas: readonly AuditArea[],
    filter: AuditFilter,
    bounds: SeqBounds,
    limit: number,
  ): AuditRow[] {
    const { sql, params } = this.laneQuery(lane, areas, filter, bounds, limit);
    return this.statement(sql).all(...params) as AuditRow[];
  }

  /**
   * The log order range the time filter and cursor leave, found through `logged_at` (the latest recorded
   * time up to each entry, never decreasing with seq); `recorded_at` is still checked row by row. An entry
   * recorded at or after `since` has `logged_at` ≥ `since`, so the lower bound is exact; an entry recorded
   * before `before` but appended over LATE_MS later (a background record retried that long) may fall
   * beyond the upper bound.
   */
  seqBounds(filter: AuditFilter): SeqBounds | undefined {
    const first = this.statement(
      'SELECT seq FROM audit_entries INDEXED BY audit_by_time WHERE logged_at >= ? ORDER BY logged_at, seq LIMIT 1',
    );
    const from = filter.since === undefined ? 0 : (first.pluck().get(filter.since) as number | undefined);
    if (from === undefined) return undefined;
    const end =
      filter.before === undefined
        ? undefined
        : (first.pluck().get(later(filter.before)) as number | undefined);
    const to = Math.min(end ?? Number.MAX_SAFE_INTEGER, filter.beforeSeq ?? Number.MAX_SAFE_INTEGER);
    return to <= from ? undefined : { from, to };
  }
}

function indexOf(lane: Lane): string {
  if (lane.column === undefined || lane.column === 'subject') return 'audit_by_municipality';
  return lane.ofActor ? ACTOR_INDEXES[lane.column as ActorColumn] : FILTER_INDEXES[lane.column];
}

export interface SeqBounds {
  readonly from: number;
  readonly to: number;
}

/**
 * The indexed reads of one area: by the most selective filter asked (an actor with a type or
 * category the most), one read per asked type or region; the other filters are checked on the rows
 * that index yields.
 */
export function lanesOf(area: AuditArea, filter: AuditFilter): Lane[] {
  const { municipality } = area;
  const one = (column: Lane['column'], value: string) => [{ municipality, column, value }];
  if (filter.subject !== undefined) return one('subject', filter.subject);
  if (filter.actorId !== undefined) {
    const ofActor = (column: ActorColumn, value: string): Lane => ({
      municipality,
      column,
      value,
      ofActor: true,
    });
    if (filter.types?.length) return filter.types.map((value) => ofActor('type', value));
    if (filter.category !== undefined) return [ofActor('category', filter.category)];
    return one('actor_id', filter.actorId);
  }
  if (filter.office !== undefined) return one('office', filter.office);
  if (filter.types?.length) return filter.types.map((value) => ({ municipality, column: 'type', value }));
  if (area.regions?.length) return area.regions.map((value) => ({ municipality, column: 'region', value }));
  if (filter.role !== undefined) return one('actor_role', filter.role);
  if (filter.category !== undefined) return one('category', filter.category);
  return [{ municipality, column: undefined }];
}

/** How long after its request a background record may reach the log and still fall inside `to`. */
const LATE_MS = 3_600_000;

function later(instant: string): string {
  return new Date(Date.parse(instant) + LATE_MS).toISOString();
}
