import type { DocumentEvent, DocumentKind } from '../../src/documents/document.events.js';
import type { RecordedEvent } from '../../src/event-store/event-envelope.js';
import type { InquiryStatus } from '../../src/inquiries/inquiry.decider.js';
import {
  INQUIRY_EVENT_TYPES,
  INQUIRY_STREAM_PREFIX,
  type InquiryEvent,
  type InquiryFindings,
  type InquiryOutcome,
} from '../../src/inquiries/inquiry.events.js';
import { municipalRegionOf, parseRenewalCode } from '../../src/parcels/renewal-code.js';
import type { InquiryKind } from '../../src/rule-sets/rule-set.js';
import type { Projection } from '../projection.js';

export type { InquiryStatus };
export const INQUIRY_STATUSES: readonly InquiryStatus[] = ['checking', 'awaiting_clerk', 'answered'];

export type InquiryDocumentIssued = Extract<DocumentEvent, { type: 'DocumentIssued' }>;
export type InquiriesProjectionEvent = InquiryEvent | InquiryDocumentIssued;

export interface InquiryAnswerRecord extends InquiryFindings {
  readonly outcome: InquiryOutcome;
  readonly answeredBy: 'automatic' | 'clerk';
  readonly answeredAt: string;
  /** The clerk who answered, when one did. */
  readonly clerkId?: string;
}

/** A property inquiry (استعلام) as its requester, the clerks' worklist (کارتابل) and oversight read it. */
export interface InquiryView {
  readonly id: string;
  readonly inquiryId: string;
  readonly kind: InquiryKind;
  readonly municipality: string;
  /** The municipal region (منطقه) of the parcel, from its renewal code. */
  readonly region: string;
  readonly renewalCode: string;
  /** The organisation that filed it; absent for a citizen's. */
  readonly organisation?: string;
  /** The citizen who filed it, or for whom a counter office did. */
  readonly requesterNationalId?: string;
  /** The counter office (دفتر پیشخوان) that filed it for the citizen, under their consent. */
  readonly counterOffice?: string;
  readonly requesterReference: string;
  readonly purpose: string;
  /** The tracking number (کد رهگیری); absent on inquiries filed before numbers were given. */
  readonly trackingNumber?: string;
  readonly status: InquiryStatus;
  /** What the last check found, once it found something. */
  readonly findings?: InquiryFindings & { readonly checkedAt: string };
  readonly answer?: InquiryAnswerRecord;
  /** The signed answer. */
  readonly document?: { readonly code: string; readonly kind: DocumentKind };
  readonly filedAt: string;
  readonly dueAt: string;
  readonly updatedAt: string;
  /** The global position of the last event folded in. */
  readonly position: string;
}

function filed(event: RecordedEvent<Extract<InquiryEvent, { type: 'InquiryFiled' }>>): InquiryView {
  const at = event.metadata.recordedAt;
  const { inquiryId, kind, municipality, renewalCode, requester, requesterReference, purpose, dueAt } =
    event.data;
  const { trackingNumber } = event.data;
  const { actor } = event.metadata;
  return {
    id: inquiryId,
    inquiryId,
    kind,
    municipality,
    region: municipalRegionOf(parseRenewalCode(renewalCode)),
    renewalCode,
    ...('organisation' in requester
      ? { organisation: requester.organisation }
      : { requesterNationalId: requester.nationalId }),
    ...(actor.role === 'counter_office' && actor.office ? { counterOffice: actor.office } : {}),
    requesterReference,
    purpose,
    ...(trackingNumber === undefined ? {} : { trackingNumber }),
    status: 'checking',
    filedAt: at,
    dueAt,
    updatedAt: at,
    position: event.position,
  };
}

function changes(
  event: RecordedEvent<Exclude<InquiryEvent, { type: 'InquiryFiled' }>>,
): Partial<InquiryView> {
  const at = event.metadata.recordedAt;
  if (event.type === 'InquiryReferred') {
    const { reasons, amountsDue } = event.data;
    return { status: 'awaiting_clerk', findings: { reasons, amountsDue, checkedAt: at } };
  }
  const { inquiryId: _, answeredBy, ...answer } = event.data;
  const clerk = answeredBy === 'clerk' ? { clerkId: event.metadata.actor.id } : {};
  return { status: 'answered', answer: { ...answer, answeredBy, answeredAt: at, ...clerk } };
}

/** The inquiry a document answers, if any. */
function inquiryOfDocument(event: RecordedEvent<InquiryDocumentIssued>): string | null {
  const { stream } = event.data.subject;
  return stream.startsWith(INQUIRY_STREAM_PREFIX) ? stream.slice(INQUIRY_STREAM_PREFIX.length) : null;
}

export const inquiriesProjection: Projection<InquiryView, InquiriesProjectionEvent> = {
  name: 'inquiries',
  version: 2,
  handles: [...INQUIRY_EVENT_TYPES, 'DocumentIssued'],
  indexes: [
    'municipality',
    'status',
    'organisation',
    'requesterNationalId',
    'renewalCode',
    'trackingNumber',
    'dueAt',
    // Lists: staff by deadline, requesters the latest filed first.
    ['municipality', 'dueAt'],
    ['organisation', 'filedAt'],
    ['requesterNationalId', 'filedAt'],
  ],
  documentId: (event) => (event.type === 'DocumentIssued' ? inquiryOfDocument(event) : event.data.inquiryId),
  evolve: (doc, event) => {
    if (event.type === 'InquiryFiled') return filed(event);
    if (!doc) return null;
    const touched = { updatedAt: event.metadata.recordedAt, position: event.position };
    if (event.type === 'DocumentIssued') {
      const { code, kind } = event.data;
      return { ...doc, document: { code, kind }, ...touched };
    }
    return { ...doc, ...changes(event), ...touched };
  },
};
