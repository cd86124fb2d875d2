import type { Caller } from '../identity/auth/caller.decorator.js';
import type { RecordScope } from '../identity/record-access.js';
import type { AccessedWhat, AuditQueryArea } from './audit.events.js';

export type { AccessedWhat };

/** A read of citizens' data by someone else: staff, an organisation, or a counter office. */
export interface DataAccess {
  readonly what: AccessedWhat;
  /** The record read: a permit id, document code, inquiry id, renewal code, user id or tracking number. */
  readonly subject: string;
  /** National ids of the citizens whose data it is. */
  readonly citizens: readonly string[];
  readonly municipality?: string;
  /** The record's region (منطقه), so that oversight limited to regions sees the reads of its own. */
  readonly region?: string;
}

/** A read of a record: its owners (by the record-level rules) are the citizens whose data it is. */
export function accessOf(what: AccessedWhat, subject: string, scope: RecordScope): DataAccess {
  // A record with no known citizen (a file opened before national ids were kept) concerns nobody's log.
  const citizens = (scope.ownerNationalIds ?? []).filter(
    (id): id is string => typeof id === 'string' && id !== '',
  );
  const region = scope.region ? { region: scope.region } : {};
  return { what, subject, citizens, municipality: scope.municipality, ...region };
}

/** An oversight search or report, with the filters it used and how many rows it answered. */
export interface AuditQuery {
  /** `events`, `user-activity`, `reports/turnaround`, … */
  readonly query: string;
  readonly filters: Readonly<Record<string, unknown>>;
  readonly results: number;
  /**
   * The areas it covered (the caller's, narrowed as asked): its record belongs to each, so every
   * covered city's oversight sees it and no other's. Absent: the caller's first grant's city.
   */
  readonly areas?: readonly AuditQueryArea[];
}

/**
 * Who read what, written as events in the background: a read is never slowed or failed by its record,
 * and a record is retried until written, never dropped silently.
 */
export abstract class AuditTrail {
  /** A read of citizens' data; recorded only when the reader is not one of those citizens. */
  accessed(caller: Caller, access: DataAccess): void {
    this.accessedAll(caller, [access]);
  }
  /** The reads of one answer (a list's rows): recorded all together, or the answer refused. */
  abstract accessedAll(caller: Caller, accesses: readonly DataAccess[]): void;
  /** An oversight query: oversight is overseen. */
  abstract queried(caller: Caller, query: AuditQuery): void;
}
