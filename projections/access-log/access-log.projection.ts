import type { AccessedWhat, AuditEvent } from '../../src/audit/audit.events.js';
import type { Actor, RecordedEvent } from '../../src/event-store/event-envelope.js';
import { jalaliDate } from '../../src/shared/jalali.js';
import type { Projection } from '../projection.js';

type AccessRecorded = Extract<AuditEvent, { type: 'AccessRecorded' }>;

/** One read of a citizen's data by someone else: a line of their access log (گزارش دسترسی). */
export interface AccessLogEntry {
  /** The event id. */
  readonly id: string;
  /** The citizen whose data was read, by national id. */
  readonly citizen: string;
  readonly recordedAt: string;
  /** The Jalali day in Tehran, YYYY-MM-DD. */
  readonly recordedAtJalali: string;
  readonly what: AccessedWhat;
  readonly whatFa: string;
  readonly whatEn: string;
  readonly subject: string;
  readonly purpose: string;
  readonly reader: Pick<Actor, 'id' | 'role' | 'office' | 'municipality'>;
}

export const ACCESSED_WHAT_TITLES: {
  readonly [what in AccessedWhat]: { readonly fa: string; readonly en: string };
} = {
  permit_file: { fa: 'پرونده پروانه ساختمانی', en: 'Permit file' },
  permit_attachment: { fa: 'مدارک پیوست پرونده', en: 'Permit file attachments' },
  document_content: { fa: 'متن سند', en: 'Document content' },
  inquiry: { fa: 'استعلام', en: 'Inquiry' },
  parcel_owners: { fa: 'مالکان ملک', en: 'Parcel owners' },
  parcel_debts: { fa: 'بدهی‌های ملک', en: 'Parcel debts' },
  citizen_profile: { fa: 'مشخصات شهروند', en: 'Citizen profile' },
  permit_summary: { fa: 'خلاصه پرونده در کارتابل', en: 'Permit file in a worklist' },
  payment: { fa: 'پرداخت', en: 'Payment' },
  file_status: { fa: 'وضعیت پرونده با کد رهگیری', en: 'File status by tracking number' },
};

/** Reads are recorded one citizen each, so a citizen's log is one indexed range, newest first. */
export const accessLogProjection: Projection<AccessLogEntry, AccessRecorded> = {
  name: 'access_log',
  version: 1,
  handles: ['AccessRecorded'],
  indexes: [['citizen', 'recordedAt']],
  documentId: (event) => event.id,
  evolve: (_, event: RecordedEvent<AccessRecorded>) => {
    const { what, subject, citizens, purpose } = event.data;
    const { id, role, office, municipality } = event.metadata.actor;
    const at = event.metadata.recordedAt;
    return {
      id: event.id,
      citizen: citizens[0]!,
      recordedAt: at,
      recordedAtJalali: jalaliDate(at),
      what,
      whatFa: ACCESSED_WHAT_TITLES[what].fa,
      whatEn: ACCESSED_WHAT_TITLES[what].en,
      subject,
      purpose,
      reader: { id, role, ...(office ? { office } : {}), ...(municipality ? { municipality } : {}) },
    };
  },
};
