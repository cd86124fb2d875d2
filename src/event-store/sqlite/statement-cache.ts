import type Database from 'better-sqlite3';
import { LruMap } from '../../shared/lru-map.js';

/** Statements a database keeps compiled: the SQL of a few dozen queries, each with its filters. */
const CACHED_STATEMENTS = 500;

export type Prepare = <P extends unknown[] | object = unknown[], R = unknown>(
  sql: string,
) => Database.Statement<P, R>;

/**
 * `db.prepare` that compiles each SQL text once: preparing costs more than running a small statement,
 * and the read models' writers run the same few on every event.
 */
export function statementCache(db: Database.Database): Prepare {
  const statements = new LruMap<string, Database.Statement>(CACHED_STATEMENTS);
  return <P extends unknown[] | object = unknown[], R = unknown>(sql: string) => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement as unknown as Database.Statement<P, R>;
  };
}
