/** What of a citizen's data was read: the kinds the citizen's access log (گزارش دسترسی) names. */
export const ACCESSED_WHATS = [
  'permit_file',
  'permit_attachment',
  'document_content',
  'inquiry',
  'parcel_owners',
  'parcel_debts',
  'citizen_profile',
  'permit_summary',
  'payment',
  'file_status',
] as const;

export type AccessedWhat = (typeof ACCESSED_WHATS)[number];

/**
 * The audit trail's own events: a read of citizens' data by someone else (the citizen's access log,
 * گزارش دسترسی), and an oversight query (نظارت), so oversight is overseen. The reader is the event's
 * actor; nothing secret is in them, only what was read and why.
 */
export type AuditEvent =
  | {
      readonly type: 'AccessRecorded';
      readonly data: {
        readonly what: AccessedWhat;
        /** The record read: a permit id, document code, inquiry id, renewal code, user id or tracking number. */
        readonly subject: string;
        /** National ids of the citizens whose data it is. */
        readonly citizens: readonly string[];
        readonly municipality?: string;
        /** The region of the record read, when it has one: region-limited oversight sees only its regions' reads. */
        readonly region?: string;
        /** Why: the reader's `Daftar-Purpose` header, or the default for `what`. */
        readonly purpose: string;
      };
    }
  | {
      readonly type: 'AuditQueried';
      readonly data: {
        readonly query: string;
        readonly filters: Readonly<Record<string, unknown>>;
        readonly results: number;
        /** The areas the query covered: its record is shown to the oversight of each (absent in older records). */
        readonly areas?: readonly AuditQueryArea[];
      };
    };

/** A municipality an audit query covered, whole or only some of its regions. */
export interface AuditQueryArea {
  readonly municipality: string;
  readonly regions?: readonly string[];
}

export type AuditEventType = AuditEvent['type'];

export const AUDIT_EVENT_TYPES: readonly AuditEventType[] = ['AccessRecorded', 'AuditQueried'];
