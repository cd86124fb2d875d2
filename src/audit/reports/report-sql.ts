import { WEEKDAYS, type WorkingHours } from '../../../projections/audit-reports/working-hours.js';
import { DomainError } from '../../shared/domain-error.js';
import type { AuditArea } from '../audit-scope.js';
import type { TimeRange } from '../audit-time-range.js';

export type Value = string | number;

/** A piece of a WHERE clause and the values of its `?`s. */
export interface Clause {
  readonly sql: string;
  readonly params: Value[];
}

/** The areas as SQL: each municipality, whole or only some of its regions; none matches nothing. */
export function inAreas(areas: readonly AuditArea[]): Clause {
  if (areas.length === 0) return { sql: '0', params: [] };
  const params: Value[] = [];
  const clauses = areas.map((area) => {
    params.push(area.municipality, ...(area.regions ?? []));
    return area.regions === undefined
      ? 'municipality = ?'
      : `(municipality = ? AND region IN (${area.regions.map(() => '?').join(', ')}))`;
  });
  return { sql: `(${clauses.join(' OR ')})`, params };
}

/** A half-open time range on the `at` column, as ` AND …` terms. */
export function inRange(range: TimeRange): Clause {
  const terms = [
    ...(range.since === undefined ? [] : [{ sql: 'AND at >= ?', value: range.since }]),
    ...(range.before === undefined ? [] : [{ sql: 'AND at < ?', value: range.before }]),
  ];
  return { sql: terms.map((t) => t.sql).join(' '), params: terms.map((t) => t.value) };
}

/**
 * Outside the working hours, on the `weekday` and `minute_of_day` (Tehran) columns, as an ` AND …` term:
 * a day without hours is wholly outside, and a span's end is outside.
 */
export function outsideHours(hours: WorkingHours): Clause {
  const spans = WEEKDAYS.flatMap((day) => {
    const span = hours[day];
    return span ? [[day, span.from, span.to] as Value[]] : [];
  });
  if (spans.length === 0) return { sql: '', params: [] };
  const working = spans.map(() => '(weekday = ? AND minute_of_day >= ? AND minute_of_day < ?)').join(' OR ');
  return { sql: `AND NOT (${working})`, params: spans.flat() };
}

/** Where a list page stopped: its last row's time and row id (the tie-break of equal times). */
export interface ListPosition {
  readonly at: string;
  readonly id: number;
}

/** Rows after a position in the order `at DESC, rowid DESC`, as ` AND …` terms an (…, at) index bounds. */
export function after(position: ListPosition | undefined): Clause {
  if (position === undefined) return { sql: '', params: [] };
  const { at, id } = position;
  return { sql: 'AND at <= ? AND (at < ? OR rowid < ?)', params: [at, at, id] };
}

const CURSOR = 'report-list';

export function encodeListCursor({ at, id }: ListPosition): string {
  return Buffer.from(JSON.stringify([CURSOR, at, id])).toString('base64url');
}

export function decodeListCursor(cursor: string | undefined): ListPosition | undefined {
  if (cursor === undefined) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  if (
    Array.isArray(decoded) &&
    decoded.length === 3 &&
    decoded[0] === CURSOR &&
    typeof decoded[1] === 'string' &&
    Number.isSafeInteger(decoded[2])
  )
    return { at: decoded[1], id: decoded[2] as number };
  throw new DomainError('REQUEST.INVALID_CURSOR', 'cursor is not a nextCursor of this report', 'invalid', {
    fields: [{ field: 'cursor', message: 'not a nextCursor of this report' }],
  });
}
