import type { AuditArea } from '../audit-scope.js';
import type { TimeRange } from '../audit-time-range.js';

export type Value = string | number;

/** The areas as SQL: each municipality, whole or only some of its regions; none matches nothing. */
export function inAreas(areas: readonly AuditArea[]): { sql: string; params: Value[] } {
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
export function inRange(range: TimeRange): { sql: string; params: Value[] } {
  const terms = [
    ...(range.since === undefined ? [] : [{ sql: 'AND at >= ?', value: range.since }]),
    ...(range.before === undefined ? [] : [{ sql: 'AND at < ?', value: range.before }]),
  ];
  return { sql: terms.map((t) => t.sql).join(' '), params: terms.map((t) => t.value) };
}
