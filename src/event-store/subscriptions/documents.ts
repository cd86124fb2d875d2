import type Database from 'better-sqlite3';
import { documentTable, JSON_PATH, type ReadModelDatabase } from './read-model-database.js';

export type FieldValue = string | number | boolean | null;

export interface ListQuery {
  /** Exact matches on document fields, by JSON path (`municipality`, `owner.nationalId`). */
  readonly where?: Readonly<Record<string, FieldValue | undefined>>;
  readonly orderBy?: string;
  readonly descending?: boolean;
  readonly limit: number;
  readonly offset: number;
}

export interface Page<Doc> {
  readonly items: Doc[];
  readonly total: number;
}

/** Read access to one projection's documents; queries name fields by JSON path, never by raw SQL. */
export class Documents<Doc> {
  private readonly table: string;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    private readonly readModels: ReadModelDatabase,
    projectionName: string,
  ) {
    this.table = documentTable(projectionName);
  }

  get(id: string): Doc | undefined {
    const row = this.statement(`SELECT doc FROM ${this.table} WHERE id = ?`).get(id) as
      { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as Doc) : undefined;
  }

  findOne(path: string, value: FieldValue): Doc | undefined {
    return this.list({ where: { [path]: value }, limit: 1, offset: 0 }).items[0];
  }

  list(query: ListQuery): Page<Doc> {
    const filters = Object.entries(query.where ?? {}).filter(
      (e): e is [string, FieldValue] => e[1] !== undefined,
    );
    const where = filters.length
      ? `WHERE ${filters.map(([path, value]) => `${field(path)} ${value === null ? 'IS NULL' : '= ?'}`).join(' AND ')}`
      : '';
    // JSON true/false read back through json_extract as 1/0.
    const values = filters
      .filter(([, v]) => v !== null)
      .map(([, v]) => (typeof v === 'boolean' ? Number(v) : v));
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
    return { items: rows.map((row) => JSON.parse(row.doc) as Doc), total };
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

function field(path: string): string {
  if (!JSON_PATH.test(path)) throw new Error(`Not a plain JSON path: ${path}`);
  return `json_extract(doc, '$.${path}')`;
}
