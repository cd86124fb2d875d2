import type { Caller } from '../identity/auth/caller.decorator.js';

/** What of a citizen's data was read: the kinds the citizen's access log (گزارش دسترسی) names. */
export type AccessedWhat =
  | 'permit_file'
  | 'permit_attachment'
  | 'document_content'
  | 'inquiry'
  | 'parcel_owners'
  | 'parcel_debts'
  | 'citizen_profile';

/** A read of citizens' data by someone else: staff, an organisation, or a counter office. */
export interface DataAccess {
  readonly what: AccessedWhat;
  /** The record read: a permit id, document code, inquiry id, renewal code or user id. */
  readonly subject: string;
  /** National ids of the citizens whose data it is. */
  readonly citizens: readonly string[];
  readonly municipality?: string;
}

/** An oversight search or report, with the filters it used and how many rows it answered. */
export interface AuditQuery {
  /** `events`, `user-activity`, `reports/turnaround`, … */
  readonly query: string;
  readonly filters: Readonly<Record<string, unknown>>;
  readonly results: number;
}

/**
 * Who read what, written as events in the background: a read is never slowed or failed by its record,
 * and a record is retried until written, never dropped silently.
 */
export abstract class AuditTrail {
  /** A read of citizens' data; recorded only when the reader is not one of those citizens. */
  abstract accessed(caller: Caller, access: DataAccess): void;
  /** An oversight query: oversight is overseen. */
  abstract queried(caller: Caller, query: AuditQuery): void;
}
