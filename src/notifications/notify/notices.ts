import type { DocumentEvent, DocumentKind } from '../../documents/document.events.js';
import type { RecordedEvent } from '../../event-store/event-envelope.js';
import type { InquiryEvent } from '../../inquiries/inquiry.events.js';
import type { PaymentEvent } from '../../payments/payment.events.js';
import type { RefundEvent } from '../../payments/refunds/refund.events.js';
import type { PermitEvent } from '../../permits/permit.events.js';
import type { NotificationItem, Topic, TopicFacts } from '../notification-topics.js';
import type { FileFacts, InquiryFiledFacts } from './file-facts.js';

/** Who is to be told: a person by national id (کد ملی), or an account by its id. */
export type Addressee = { readonly nationalId: string } | { readonly userId: string };

/** One person to tell one thing. */
export interface Notice {
  readonly to: Addressee;
  readonly municipality: string;
  readonly item: NotificationItem;
}

export type NotifyingEvent =
  | PermitEvent
  | InquiryEvent
  | Extract<DocumentEvent, { type: 'DocumentIssued' }>
  | Extract<PaymentEvent, { type: 'PaymentExpired' }>
  | Extract<RefundEvent, { type: 'RefundPaid' }>;

/** The events that tell someone something; the rest of the log is nobody's news. */
export const NOTIFYING_TYPES = [
  'PermitSubmitted',
  'PermitReturned',
  'SurveyorAssigned',
  'DesignReturned',
  'DesignApproved',
  'FeesAssessed',
  'PermitPaymentRecorded',
  'InspectionReported',
  'StageInspected',
  'CommissionRuled',
  'PermitRevoked',
  'InquiryAnswered',
  'DocumentIssued',
  'PaymentExpired',
  'RefundPaid',
] as const satisfies readonly NotifyingEvent['type'][];

/** What else a notice needs besides the event and its file: links and the parcel's owners. */
export interface NoticeContext {
  readonly publicUrl: string;
  /** InquiryAnswered: the national ids of the parcel's owners. */
  readonly parcelOwners?: readonly string[];
  /** InquiryAnswered: the requester as a person reads it. */
  readonly requesterName?: string;
}

const DOCUMENT_TOPICS: Partial<Record<DocumentKind, Topic>> = {
  MapOrder: 'map_order_issued',
  BuildingPermit: 'permit_issued',
  CompletionCertificate: 'completion_certificate_issued',
};

/** Who must hear of `event`, and what, about the file `file` (its first event's facts). */
export function noticesOf(
  event: RecordedEvent<NotifyingEvent>,
  file: FileFacts,
  context: NoticeContext,
): Notice[] {
  const e = event as NotifyingEvent;
  const item = <T extends Topic>(topic: T, facts: TopicFacts[T]) =>
    ({
      topic,
      cause: event.id,
      at: event.metadata.recordedAt,
      ...(file.trackingNumber ? { trackingNumber: file.trackingNumber } : {}),
      facts,
    }) as NotificationItem;
  const toApplicant = (notification: NotificationItem): Notice[] =>
    file.process === 'permit'
      ? [{ to: { nationalId: file.applicant }, municipality: file.municipality, item: notification }]
      : [];
  switch (e.type) {
    case 'PermitSubmitted':
      return file.process === 'permit'
        ? toApplicant(item('file_received', { applicationType: file.applicationType }))
        : [];
    case 'PermitReturned':
      return toApplicant(item('file_returned', { reasons: e.data.reasons.map((r) => r.reason) }));
    case 'SurveyorAssigned':
      return toApplicant(item('survey_scheduled', {}));
    case 'DesignReturned':
      return toApplicant(item('design_returned', { reasons: e.data.reasons }));
    case 'DesignApproved':
      return toApplicant(item('design_approved', {}));
    case 'FeesAssessed':
      return toApplicant(
        item('fees_assessed', { total: e.data.total, payUrl: `${context.publicUrl}/permits/${file.id}` }),
      );
    case 'PermitPaymentRecorded':
      return toApplicant(item('payment_received', { amount: e.data.amount, reference: e.data.reference }));
    case 'InspectionReported':
      return toApplicant(
        item('inspection_result', { compliant: e.data.compliant, violations: e.data.violations.length }),
      );
    // A construction stage's result is told like completion's: compliant, or how many violations.
    case 'StageInspected':
      return toApplicant(
        item('inspection_result', {
          compliant: e.data.result === 'compliant',
          violations: e.data.violations.length,
        }),
      );
    case 'CommissionRuled': {
      const { ruling, fineAmount, reference } = e.data;
      return toApplicant(
        item('commission_ruling', { ruling, reference, ...(fineAmount === undefined ? {} : { fineAmount }) }),
      );
    }
    case 'PermitRevoked':
      return toApplicant(
        item('permit_revoked', {
          reason: e.data.reason,
          verificationUrl: `${context.publicUrl}/v/${encodeURIComponent(e.data.code)}`,
        }),
      );
    case 'DocumentIssued': {
      const topic = DOCUMENT_TOPICS[e.data.kind];
      if (!topic) return [];
      const verificationUrl = `${context.publicUrl}/v/${encodeURIComponent(e.data.code)}`;
      const { validUntil, renewsValidUntil } = e.data.content.body;
      // A renewed permit's document tells of the renewal, not of a new permit.
      if (topic === 'permit_issued' && typeof renewsValidUntil === 'string' && typeof validUntil === 'string')
        return toApplicant(item('permit_renewed', { verificationUrl, validUntil }));
      return toApplicant(
        item(topic, {
          verificationUrl,
          ...(topic === 'permit_issued' && typeof validUntil === 'string' ? { validUntil } : {}),
        }),
      );
    }
    case 'PaymentExpired':
      return toApplicant(
        item('payment_expired', { amount: e.data.amount, payUrl: `${context.publicUrl}/permits/${file.id}` }),
      );
    case 'RefundPaid': {
      // The payer of a file's fees is its applicant.
      const { amount, method, refundReference } = e.data;
      return toApplicant(item('refund_paid', { amount, method, refundReference }));
    }
    case 'InquiryAnswered':
      return file.process === 'inquiry' ? inquiryAnswered(e.data.outcome, file, item, context) : [];
    default:
      return [];
  }
}

/** The requester hears the answer; each owner of the parcel (but a requester who owns it) hears that it was asked. */
function inquiryAnswered(
  outcome: Extract<InquiryEvent, { type: 'InquiryAnswered' }>['data']['outcome'],
  file: InquiryFiledFacts,
  item: <T extends Topic>(topic: T, facts: TopicFacts[T]) => NotificationItem,
  context: NoticeContext,
): Notice[] {
  const { municipality, renewalCode, requester } = file;
  const asker: Addressee =
    'nationalId' in requester ? { nationalId: requester.nationalId } : { userId: file.filedBy };
  const answered: Notice = {
    to: asker,
    municipality,
    item: item('inquiry_answered', { outcome, renewalCode }),
  };
  const owners = (context.parcelOwners ?? []).filter(
    (owner) => !('nationalId' in requester && requester.nationalId === owner),
  );
  const aboutParcel = item('parcel_inquiry_answered', {
    outcome,
    renewalCode,
    requesterName: context.requesterName ?? '',
  });
  return [answered, ...owners.map((nationalId) => ({ to: { nationalId }, municipality, item: aboutParcel }))];
}
