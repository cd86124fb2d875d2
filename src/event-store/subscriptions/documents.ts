import type Database from 'better-sqlite3';
import { deepFreeze } from '../../shared/deep-freeze.js';
import { documentTable, JSON_PATH, type ReadModelDatabase } from './read-model-database.js';

export type FieldValue = string | number | boolean | null;
/** Exact matches by JSON path; undefined values are ignored, null matches a missing field. */
export type Filters = Readonly<Record<string, FieldValue | undefined>>;

export interface ListQuery {
  /** Exact matches on document fields, by JSON path (`municipality`, `owner.nationalId`). */
  readonly where?: Filters;
  /** Documents holding, in the array at `path`, at least one element that matches every filter. */
  readonly some?: { readonly path: string; readonly where: Filters };
  readonly orderBy?: string;
  readonly descending?: boolean;
  readonly limit: number;
  readonly offset: number;
}

export interface Page<Doc> {
  readonly items: Doc[];
  readonly total: number;
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
  private readonly statements = new Map<string, Database.Statement>();
  private readonly byId = new Map<string, Doc | null>();
  private readonly queries = new Map<string, Page<Doc>>();

  constructor(
    private readonly readModels: ReadModelDatabase,
    projectionName: string,
  ) {
    this.table = documentTable(projectionName);
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

  private query(query: ListQuery): Page<Doc> {
    const { conditions, values } = matching(query.where, field);
    const element = matching(query.some?.where, (path) => `json_extract(element.value, '$.${path}')`);
    if (query.some && element.conditions.length) {
      conditions.push(
        `EXISTS (SELECT 1 FROM json_each(${field(query.some.path)}) AS element WHERE ${element.conditions.join(' AND ')})`,
      );
      values.push(...element.values);
    }
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const order = query.orderBy
      ? `ORDER BY ${field(query.orderBy)} ${query.descending ? 'DESC' : 'ASC'}, id`
      : 'ORDER BY id';
    const rows = this.statement(`SELECT doc FROM ${this.table} ${where} ${order} LIMIT ? OFFSET ?`).all(
      ...values,
      query.limit,
      query.offset,
    ) as { doc: string }[];
    const { total } = this.statement(`SELECT count(*) AS total FROM ${this.table} ${where}`).get(
      ...values,
    ) as {
      total: number;
    };
    return deepFreeze({ items: rows.map((row) => JSON.parse(row.doc) as Doc), total });
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.readModels.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

/** Adds to a bounded map, forgetting the oldest entry when full. */
function remember<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  if (map.size >= max) map.delete(map.keys().next().value as string);
  map.set(key, value);
}

function matching(
  filters: Filters | undefined,
  column: (path: string) => string,
): { conditions: string[]; values: (string | number)[] } {
  const given = Object.entries(filters ?? {}).filter((e): e is [string, FieldValue] => e[1] !== undefined);
  return {
    conditions: given.map(
      ([path, value]) => `${column(checked(path))} ${value === null ? 'IS NULL' : '= ?'}`,
    ),
    // JSON true/false read back through json_extract as 1/0.
    values: given
      .map(([, value]) => value)
      .filter((value) => value !== null)
      .map((value) => (typeof value === 'boolean' ? Number(value) : value)),
  };
}

function checked(path: string): string {
  if (!JSON_PATH.test(path)) throw new Error(`Not a plain JSON path: ${path}`);
  return path;
}

function field(path: string): string {
  return `json_extract(doc, '$.${checked(path)}')`;
}
