import type Database from 'better-sqlite3';
import { MANY_ADDRESSES, type LoginFact } from '../../../projections/audit-reports/logins.js';
import type { LoginRow } from '../../../projections/audit-reports/report-rows.js';
import { tehranTime } from '../../shared/tehran-date.js';
import type { KnownUser, ParcelOf } from '../../../projections/audit-reports/people.js';
import type { AuditArea } from '../audit-scope.js';
import type { TimeRange } from '../audit-time-range.js';
import { inAreas, inRange, type Value } from './report-sql.js';
import { statementCache, type Prepare } from '../../event-store/sqlite/statement-cache.js';

/** The most failed or refused sign-ins one logins report reads (a long attack is told as truncated). */
export const MAX_LOGIN_FAILURES = 50_000;

/**
 * The people behind the reports: users (names, national ids, the municipalities of their grants),
 * parcel owners, and the sign-ins of known users, placed in those municipalities.
 *
 * The users are kept here although the users projection (src/identity/users) holds them in the same
 * database: a conflict is judged by the staff member's national id as it stood at the event, and a
 * sign-in placed by the user's grants then. That projection has its own checkpoint, ahead of or behind
 * this subscriber's, so reading it while folding would make a rebuild find other conflicts; and its
 * documents index no grant's municipality, which the sign-in queries join on.
 */
export class AuditPeopleTables {
  static readonly TABLES = ['users', 'user_areas', 'owners', 'logins'];

  private readonly prepare: Prepare;

  constructor(db: Database.Database) {
    this.prepare = statementCache(db);
    db.exec(`
      CREATE TABLE IF NOT EXISTS audit_report_users (user_id TEXT PRIMARY KEY, username TEXT NOT NULL,
        doc TEXT NOT NULL) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS audit_report_users_username ON audit_report_users (username);
      CREATE TABLE IF NOT EXISTS audit_report_user_areas (municipality TEXT NOT NULL, region TEXT,
        user_id TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS audit_report_user_areas_at ON audit_report_user_areas (municipality, region);
      CREATE INDEX IF NOT EXISTS audit_report_user_areas_user ON audit_report_user_areas (user_id);
      CREATE TABLE IF NOT EXISTS audit_report_owners (municipality TEXT NOT NULL, renewal_code TEXT NOT NULL,
        national_id TEXT NOT NULL, PRIMARY KEY (municipality, renewal_code, national_id)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS audit_report_logins (user_id TEXT NOT NULL, at TEXT NOT NULL,
        kind TEXT NOT NULL, tehran_day TEXT NOT NULL, address TEXT NOT NULL, doc TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS audit_report_logins_at ON audit_report_logins (user_id, at);`);
  }

  user(userId: string): KnownUser | undefined {
    const row = this.prepare<[string], { doc: string }>(
      'SELECT doc FROM audit_report_users WHERE user_id = ?',
    ).get(userId);
    return row && (JSON.parse(row.doc) as KnownUser);
  }

  userIdOf(username: string): string | undefined {
    return this.prepare<[string], { user_id: string }>(
      'SELECT user_id FROM audit_report_users WHERE username = ?',
    ).get(username)?.user_id;
  }

  saveUser(user: KnownUser): void {
    this.prepare('INSERT OR REPLACE INTO audit_report_users (user_id, username, doc) VALUES (?, ?, ?)').run(
      user.userId,
      user.username,
      JSON.stringify(user),
    );
    this.prepare('DELETE FROM audit_report_user_areas WHERE user_id = ?').run(user.userId);
    const area = this.prepare(
      'INSERT INTO audit_report_user_areas (municipality, region, user_id) VALUES (?, ?, ?)',
    );
    for (const { municipality, regions } of user.grants)
      for (const region of regions?.length ? regions : [null]) area.run(municipality, region, user.userId);
  }

  /** Display names of users, by id; ids the reports do not know (`automatic`, `system`) are left out. */
  names(userIds: readonly string[]): Map<string, string> {
    const read = this.prepare<[string], { doc: string }>(
      'SELECT doc FROM audit_report_users WHERE user_id = ?',
    );
    const names = new Map<string, string>();
    for (const id of new Set(userIds)) {
      const row = read.get(id);
      if (row) names.set(id, (JSON.parse(row.doc) as KnownUser).displayName);
    }
    return names;
  }

  owners({ municipality, renewalCode }: ParcelOf): string[] {
    return this.prepare<[string, string], { national_id: string }>(
      'SELECT national_id FROM audit_report_owners WHERE municipality = ? AND renewal_code = ?',
    )
      .all(municipality, renewalCode)
      .map((row) => row.national_id);
  }

  setOwners({ municipality, renewalCode }: ParcelOf, nationalIds: readonly string[]): void {
    this.prepare('DELETE FROM audit_report_owners WHERE municipality = ? AND renewal_code = ?').run(
      municipality,
      renewalCode,
    );
    const owner = this.prepare(
      'INSERT OR IGNORE INTO audit_report_owners (municipality, renewal_code, national_id) VALUES (?, ?, ?)',
    );
    for (const nationalId of nationalIds) owner.run(municipality, renewalCode, nationalId);
  }

  recordLogin(fact: LoginFact): void {
    this.prepare(
      `INSERT INTO audit_report_logins (user_id, at, kind, tehran_day, address, doc)
         VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(
      fact.userId,
      fact.to,
      fact.kind,
      tehranTime(fact.to).day,
      fact.addresses.map((a) => a.address).join(' '),
      JSON.stringify(fact),
    );
  }

  /**
   * The failed and refused sign-ins of the users whose grants lie in the areas (a region-bound
   * oversight: users of its regions), oldest first: the first MAX_LOGIN_FAILURES, and whether more.
   */
  failedLogins(areas: readonly AuditArea[], range: TimeRange): { facts: LoginFact[]; truncated: boolean } {
    const { sql, params } = this.ofUsersIn(areas, range);
    const found = this.prepare<Value[], { doc: string }>(
      `SELECT doc FROM audit_report_logins WHERE ${sql} AND kind <> 'success' ORDER BY at LIMIT ?`,
    )
      .all(...params, MAX_LOGIN_FAILURES + 1)
      .map((row) => JSON.parse(row.doc) as LoginFact);
    return { facts: found.slice(0, MAX_LOGIN_FAILURES), truncated: found.length > MAX_LOGIN_FAILURES };
  }

  /** Users of the areas signing in from MANY_ADDRESSES or more addresses in one Tehran day, counted here. */
  manyAddresses(areas: readonly AuditArea[], range: TimeRange): LoginRow[] {
    const { sql, params } = this.ofUsersIn(areas, range);
    return this.prepare<Value[], LoginRow>(
      `SELECT 'many_addresses' AS finding, min(json_extract(doc, '$.username')) AS username,
           user_id AS userId, min(at) AS "from", max(at) AS "to", count(*) AS count,
           count(DISTINCT address) AS addresses
         FROM audit_report_logins WHERE ${sql} AND kind = 'success'
         GROUP BY user_id, tehran_day HAVING count(DISTINCT address) >= ?`,
    ).all(...params, MANY_ADDRESSES);
  }

  private ofUsersIn(areas: readonly AuditArea[], range: TimeRange): { sql: string; params: Value[] } {
    const where = inAreas(areas);
    const time = inRange(range);
    return {
      sql: `user_id IN (SELECT user_id FROM audit_report_user_areas WHERE ${where.sql}) ${time.sql}`,
      params: [...where.params, ...time.params],
    };
  }
}
