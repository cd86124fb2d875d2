import type Database from 'better-sqlite3';
import type { LoginFact } from '../../../projections/audit-reports/logins.js';
import type { KnownUser } from '../../../projections/audit-reports/people.js';
import type { AuditArea } from '../audit-scope.js';
import type { TimeRange } from '../audit-time-range.js';
import { inAreas, inRange, type Value } from './report-sql.js';

/**
 * The people behind the reports: users (names, national ids, the municipalities of their grants),
 * parcel owners, and the sign-ins of known users, placed in those municipalities.
 */
export class AuditPeopleTables {
  static readonly TABLES = ['users', 'user_areas', 'owners', 'logins'];

  constructor(private readonly db: Database.Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS audit_report_users (user_id TEXT PRIMARY KEY, username TEXT NOT NULL,
        doc TEXT NOT NULL) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS audit_report_users_username ON audit_report_users (username);
      CREATE TABLE IF NOT EXISTS audit_report_user_areas (municipality TEXT NOT NULL, region TEXT,
        user_id TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS audit_report_user_areas_at ON audit_report_user_areas (municipality, region);
      CREATE INDEX IF NOT EXISTS audit_report_user_areas_user ON audit_report_user_areas (user_id);
      CREATE TABLE IF NOT EXISTS audit_report_owners (renewal_code TEXT NOT NULL, national_id TEXT NOT NULL,
        PRIMARY KEY (renewal_code, national_id)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS audit_report_logins (user_id TEXT NOT NULL, at TEXT NOT NULL,
        doc TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS audit_report_logins_at ON audit_report_logins (user_id, at);`);
  }

  user(userId: string): KnownUser | undefined {
    const row = this.db
      .prepare<[string], { doc: string }>('SELECT doc FROM audit_report_users WHERE user_id = ?')
      .get(userId);
    return row && (JSON.parse(row.doc) as KnownUser);
  }

  userIdOf(username: string): string | undefined {
    return this.db
      .prepare<[string], { user_id: string }>('SELECT user_id FROM audit_report_users WHERE username = ?')
      .get(username)?.user_id;
  }

  saveUser(user: KnownUser): void {
    this.db
      .prepare('INSERT OR REPLACE INTO audit_report_users (user_id, username, doc) VALUES (?, ?, ?)')
      .run(user.userId, user.username, JSON.stringify(user));
    this.db.prepare('DELETE FROM audit_report_user_areas WHERE user_id = ?').run(user.userId);
    const area = this.db.prepare(
      'INSERT INTO audit_report_user_areas (municipality, region, user_id) VALUES (?, ?, ?)',
    );
    for (const { municipality, regions } of user.grants)
      for (const region of regions?.length ? regions : [null]) area.run(municipality, region, user.userId);
  }

  /** Display names of users, by id; ids the reports do not know (`automatic`, `system`) are left out. */
  names(userIds: readonly string[]): Map<string, string> {
    const read = this.db.prepare<[string], { doc: string }>(
      'SELECT doc FROM audit_report_users WHERE user_id = ?',
    );
    const names = new Map<string, string>();
    for (const id of new Set(userIds)) {
      const row = read.get(id);
      if (row) names.set(id, (JSON.parse(row.doc) as KnownUser).displayName);
    }
    return names;
  }

  owners(renewalCode: string): string[] {
    return this.db
      .prepare<[string], { national_id: string }>(
        'SELECT national_id FROM audit_report_owners WHERE renewal_code = ?',
      )
      .all(renewalCode)
      .map((row) => row.national_id);
  }

  setOwners(renewalCode: string, nationalIds: readonly string[]): void {
    this.db.prepare('DELETE FROM audit_report_owners WHERE renewal_code = ?').run(renewalCode);
    const owner = this.db.prepare(
      'INSERT OR IGNORE INTO audit_report_owners (renewal_code, national_id) VALUES (?, ?)',
    );
    for (const nationalId of nationalIds) owner.run(renewalCode, nationalId);
  }

  recordLogin(fact: LoginFact): void {
    this.db
      .prepare('INSERT INTO audit_report_logins (user_id, at, doc) VALUES (?, ?, ?)')
      .run(fact.userId, fact.to, JSON.stringify(fact));
  }

  /** Sign-ins of the users whose grants lie in the areas (a region-bound oversight: users of its regions). */
  logins(areas: readonly AuditArea[], range: TimeRange): LoginFact[] {
    const where = inAreas(areas);
    const time = inRange(range);
    return this.db
      .prepare<Value[], { doc: string }>(
        `SELECT doc FROM audit_report_logins WHERE user_id IN
           (SELECT user_id FROM audit_report_user_areas WHERE ${where.sql}) ${time.sql} ORDER BY at`,
      )
      .all(...where.params, ...time.params)
      .map((row) => JSON.parse(row.doc) as LoginFact);
  }
}
