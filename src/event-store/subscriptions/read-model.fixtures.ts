import type { Projection } from '../../../projections/projection.js';
import { ReadModelDatabase } from './read-model-database.js';

type Indexed = Pick<Projection, 'name' | 'indexes'>;

/** A query run with `all`, its values and how many rows it returned. */
export interface QueryRun {
  readonly sql: string;
  readonly values: readonly unknown[];
  readonly rows: number;
}

/**
 * An in-memory read-model database holding the given documents of each projection (with its indexes),
 * and the queries run on it, for tests that bound the rows a query loads.
 */
export function seededReadModels(
  seed: readonly (readonly [Indexed, readonly { id: string; doc: unknown }[]])[],
): {
  readModels: ReadModelDatabase;
  runs: QueryRun[];
} {
  const readModels = new ReadModelDatabase(':memory:');
  const runs: QueryRun[] = [];
  const prepare = readModels.db.prepare.bind(readModels.db);
  readModels.db.prepare = ((sql: string) => {
    const statement = prepare(sql);
    const all = statement.all.bind(statement);
    statement.all = ((...values: unknown[]) => {
      const rows = all(...values);
      runs.push({ sql, values, rows: rows.length });
      return rows;
    }) as typeof statement.all;
    return statement;
  }) as typeof readModels.db.prepare;
  for (const [projection, rows] of seed) {
    readModels.prepareDocuments(projection.name, projection.indexes ?? []);
    const insert = prepare(`INSERT INTO rm_${projection.name} (id, doc) VALUES (?, ?)`);
    for (const row of rows) insert.run(row.id, JSON.stringify(row.doc));
  }
  return { readModels, runs };
}

/** Every item of a list, followed page after page by its `nextCursor`, with the number of pages. */
export function pageThrough<Item>(
  page: (cursor: string | undefined) => { items: readonly Item[]; nextCursor?: string },
): { items: Item[]; pages: number } {
  const items: Item[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const answer = page(cursor);
    items.push(...answer.items);
    cursor = answer.nextCursor;
    pages += 1;
    if (pages > 10_000) throw new Error('the cursor never ends');
  } while (cursor !== undefined);
  return { items, pages };
}

/** The most rows one query returned; fails when none ran, e.g. when a cache answered instead. */
export function mostRowsLoaded(runs: readonly QueryRun[]): number {
  if (runs.length === 0) throw new Error('no query ran');
  return Math.max(...runs.map((run) => run.rows));
}
