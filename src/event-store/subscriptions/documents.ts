import { remember } from '../../shared/bounded-map.js';
import { statementCache, type Prepare } from '../sqlite/statement-cache.js';
import { deepFreeze } from '../../shared/deep-freeze.js';
import { documentTable, JSON_PATH, type ReadModelDatabase } from './read-model-database.js';

export type FieldValue = string | number | boolean | null;
/** A field compared with a value rather than matched exactly; a missing field never compares. */
export interface Comparison {
  readonly op: '<' | '<=' | '>=' | '<>';
  readonly value: string | number;
}
/** Matches by JSON path; undefined values are ignored, null matches a missing field. */
export type Filters = Readonly<Record<string, FieldValue | Comparison | undefined>>;

/** Where a page ends: the value of the field the list is ordered by, and the id, of its last document. */
export interface Position {
  readonly key: FieldValue;
  readonly id: string;
}

export interface ListQuery {
  /** Matches on document fields, by JSON path (`municipality`, `owner.nationalId`). */
  readonly where?: Filters;
  /** Documents holding, in the array at `path`, at least one element that matches every filter. */
  readonly some?: { readonly path: string; readonly where: Filters };
  /**
   * Groups of alternatives, all of which must hold: a document matches a group when it matches any of
   * its filters, and never an empty group.
   */
  readonly anyOf?: readonly (readonly Filters[])[];
  readonly orderBy?: string;
  readonly descending?: boolean;
  readonly limit: number;
  /** Skipped documents still cost a scan: deep pages should start `after` a position instead. */
  readonly offset?: number;
  /** Only the documents after this one in the list's order (keyset paging). */
  readonly after?: Position;
}

export interface Page<Doc> {
  readonly items: Doc[];
  readonly total: number;
  /** Where the next page starts; absent on the last page. */
  readonly next?: Position;
}

const CACHED_DOCUMENTS = 10_000;
const CACHED_QUERIES = 1_000;

/**
 * Read access to one projection's documents; queries name fields by JSON path, never by raw SQL.
 * Documents and query answers are cached in memory, frozen, and dropped the moment the projection
 * commits a change (the projection is the table's only writer, in this process).
 */
export class Documents<Doc> {
  private readonly table: string;
  private readonly statement: Prepare;
  private readonly byId = new Map<string, Doc | null>();
  private readonly queries = new Map<string, Page<Doc>>();

  constructor(
    private readonly readModels: ReadModelDatabase,
    projectionName: string,
  ) {
    this.table = documentTable(projectionName);
    this.statement = statementCache(readModels.db);
    readModels.onChange(this.table, (id) => {
      if (id === undefined) this.byId.clear();
      else this.byId.delete(id);
      this.queries.clear();
    });
  }

  get(id: string): Doc | undefined {
    const cached = this.byId.get(id);
    if (cached !== undefined) return cached ?? undefined;
    const row = this.statement(`SELECT doc FROM ${this.table} WHERE id = ?`).get(id) as
      { doc: string } | undefined;
    const doc = row ? deepFreeze(JSON.parse(row.doc) as Doc) : null;
    remember(this.byId, id, doc, CACHED_DOCUMENTS);
    return doc ?? undefined;
  }

  /** The document, or the error `missing` makes (a domain `…NOT_FOUND`). */
  getOr(id: string, missing: (id: string) => Error): Doc {
    const doc = this.get(id);
    if (doc === undefined) throw missing(id);
    return doc;
  }

  /**
   * Resolves with the document once `ready` holds for it: at once, or after the projection commits a
   * change to it; with what it is then when `timeoutMs` passes first. For answers that must show what
   * a reaction does with one record, without waiting for the reaction to finish everyone else's.
   */
  until(id: string, ready: (doc: Doc | undefined) => boolean, timeoutMs: number): Promise<Doc | undefined> {
    if (ready(this.get(id)) || timeoutMs <= 0) return Promise.resolve(this.get(id));
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        stop();
        resolve(this.get(id));
      };
      const timer = setTimeout(finish, timeoutMs);
      // Registered after the cache's own listener, so `get` already reads the new version.
      const stop = this.readModels.onChange(this.table, (changed) => {
        if ((changed === undefined || changed === id) && ready(this.get(id))) finish();
      });
    });
  }

  findOne(path: string, value: FieldValue): Doc | undefined {
    return this.list({ where: { [path]: value }, limit: 1, offset: 0 }).items[0];
  }

  list(query: ListQuery): Page<Doc> {
    const key = JSON.stringify(query);
    const cached = this.queries.get(key);
    if (cached) return cached;
    const page = this.query(query);
    remember(this.queries, key, page, CACHED_QUERIES);
    return page;
  }

  /** The distinct values of a field among the matching documents, at most `limit` of them. */
  values(path: string, query: Pick<ListQuery, 'where' | 'some' | 'anyOf'>, limit: number): FieldValue[] {
    const { conditions, values } = filtering(query);
    const rows = this.statement(
      `SELECT DISTINCT ${field(path)} AS value FROM ${this.table} ${whereClause(conditions)} LIMIT ?`,
    ).all(...values, limit) as { value: FieldValue }[];
    return rows.map((row) => row.value);
  }

  /** One page, read with `LIMIT`: one more row than asked tells whether another page follows. */
  private query(query: ListQuery): Page<Doc> {
    const { conditions, values } = filtering(query);
    const { total } = this.statement(
      `SELECT count(*) AS total FROM ${this.table} ${whereClause(conditions)}`,
    ).get(...values) as { total: number };
    const key = query.orderBy ? field(query.orderBy) : 'id';
    const order = query.orderBy ? `ORDER BY ${key} ${query.descending ? 'DESC' : 'ASC'}, id` : 'ORDER BY id';
    if (query.after) {
      const after = following(key, query.descending === true, query.after);
      conditions.push(after.condition);
      values.push(...after.values);
    }
    const rows = this.statement(
      `SELECT id, doc, ${key} AS key FROM ${this.table} ${whereClause(conditions)} ${order} LIMIT ? OFFSET ?`,
    ).all(...values, query.limit + 1, query.offset ?? 0) as { id: string; doc: string; key: FieldValue }[];
    const shown = rows.slice(0, query.limit);
    const last = shown.at(-1);
    return deepFreeze({
      items: shown.map((row) => JSON.parse(row.doc) as Doc),
      total,
      ...(rows.length > query.limit && last ? { next: { key: last.key, id: last.id } } : {}),
    });
  }
}

type Condition = { conditions: string[]; values: (string | number)[] };

function filtering(query: Pick<ListQuery, 'where' | 'some' | 'anyOf'>): Condition {
  const { conditions, values } = matching(query.where, field);
  const element = matching(query.some?.where, (path) => `json_extract(element.value, '$.${path}')`);
  if (query.some && element.conditions.length) {
    conditions.push(
      `EXISTS (SELECT 1 FROM json_each(${field(query.some.path)}) AS element WHERE ${element.conditions.join(' AND ')})`,
    );
    values.push(...element.values);
  }
  for (const group of query.anyOf ?? []) {
    const alternatives = group.map((filters) => matching(filters, field));
    conditions.push(
      disjunction(alternatives.map((a) => (a.conditions.length ? a.conditions.join(' AND ') : '1'))),
    );
    values.push(...alternatives.flatMap((a) => a.values));
  }
  return { conditions, values };
}

/** OR as a balanced tree: SQLite limits how deep an expression nests, not how many terms it has. */
function disjunction(terms: readonly string[]): string {
  if (terms.length <= 1) return `(${terms[0] ?? '0'})`;
  const half = terms.length >> 1;
  return `(${disjunction(terms.slice(0, half))} OR ${disjunction(terms.slice(half))})`;
}

const whereClause = (conditions: readonly string[]) =>
  conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';

/**
 * The documents after `position` in `ORDER BY key [DESC], id`. SQLite sorts NULL first, so last when
 * descending; the bound on `key` alone lets an index on it start the scan at the position.
 */
function following(
  key: string,
  descending: boolean,
  position: Position,
): { condition: string; values: (string | number)[] } {
  const at = typeof position.key === 'boolean' ? Number(position.key) : position.key;
  if (key === 'id') return { condition: 'id > ?', values: [position.id] };
  if (at === null) {
    return descending
      ? { condition: `(${key} IS NULL AND id > ?)`, values: [position.id] }
      : { condition: `(${key} IS NOT NULL OR id > ?)`, values: [position.id] };
  }
  const [beyond, reached] = descending ? ['<', '<='] : ['>', '>='];
  const bounded = `(${key} ${reached} ? AND (${key} ${beyond} ? OR id > ?))`;
  return {
    condition: descending ? `(${key} IS NULL OR ${bounded})` : bounded,
    values: [at, at, position.id],
  };
}

const COMPARISONS: readonly Comparison['op'][] = ['<', '<=', '>=', '<>'];

function matching(filters: Filters | undefined, column: (path: string) => string): Condition {
  const given = Object.entries(filters ?? {}).filter(
    (e): e is [string, FieldValue | Comparison] => e[1] !== undefined,
  );
  const compared = (value: FieldValue | Comparison) => (isComparison(value) ? value.value : value);
  return {
    conditions: given.map(([path, value]) => {
      const operator = value === null ? 'IS NULL' : isComparison(value) ? `${value.op} ?` : '= ?';
      return `${column(checked(path))} ${operator}`;
    }),
    // JSON true/false read back through json_extract as 1/0.
    values: given
      .map(([, value]) => compared(value))
      .filter((value) => value !== null)
      .map((value) => (typeof value === 'boolean' ? Number(value) : value)),
  };
}

function isComparison(value: FieldValue | Comparison): value is Comparison {
  if (value === null || typeof value !== 'object') return false;
  if (!COMPARISONS.includes(value.op)) throw new Error(`Not a comparison: ${String(value.op)}`);
  return true;
}

function checked(path: string): string {
  if (!JSON_PATH.test(path)) throw new Error(`Not a plain JSON path: ${path}`);
  return path;
}

function field(path: string): string {
  return `json_extract(doc, '$.${checked(path)}')`;
}
