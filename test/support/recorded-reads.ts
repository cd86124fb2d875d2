import { AuditTrail, type AuditQuery, type DataAccess } from '../../src/audit/audit-trail.js';
import type { Caller } from '../../src/identity/auth/caller.decorator.js';

/** An audit trail that keeps what it is told, for specs that check which reads a handler records. */
export class RecordedReads extends AuditTrail {
  readonly accesses: { readonly reader: string | undefined; readonly access: DataAccess }[] = [];
  readonly queries: AuditQuery[] = [];

  accessedAll(caller: Caller, accesses: readonly DataAccess[]): void {
    for (const access of accesses) this.accesses.push({ reader: caller.principal?.id, access });
  }

  queried(_caller: Caller, query: AuditQuery): void {
    this.queries.push(query);
  }
}
