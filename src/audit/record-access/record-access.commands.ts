import type { AuditEvent } from '../audit.events.js';

/** One read to record, with why it was made. */
export type AccessRecord = Extract<AuditEvent, { type: 'AccessRecorded' }>['data'];
/** One oversight query to record. */
export type QueryRecord = Extract<AuditEvent, { type: 'AuditQueried' }>['data'];

/** Batches of records of one reader, written in one append. */
export type AuditTrailCommand =
  | { readonly type: 'RecordAccesses'; readonly data: { readonly records: readonly AccessRecord[] } }
  | { readonly type: 'RecordAuditQueries'; readonly data: { readonly queries: readonly QueryRecord[] } };
