import type { DocumentKind } from '../../documents/document.events.js';
import type { RecordedEvent } from '../../event-store/event-envelope.js';
import { clearedAutomatically, filed, inquiryId } from '../../inquiries/inquiry.fixtures.js';
import { inquiryStream, type InquiryEvent } from '../../inquiries/inquiry.events.js';
import {
  applicantNationalId,
  events,
  fineAmount,
  fees,
  municipality,
  permitId,
  renewalCode,
  trackingNumber,
  validUntil,
} from '../../permits/permit.fixtures.js';
import { permitStream } from '../../permits/permit.events.js';
import type { Topic, TopicFacts } from '../notification-topics.js';
import type { FileFacts } from './file-facts.js';
import { NOTIFYING_TYPES, noticesOf, type NoticeContext, type NotifyingEvent } from './notices.js';

const PUBLIC_URL = 'https://daftar.example.ir';
const AT = '2026-11-25T10:00:00.000Z';
const CONTEXT: NoticeContext = { publicUrl: PUBLIC_URL };

const permitFile: FileFacts = {
  process: 'permit',
  id: permitId,
  municipality,
  renewalCode,
  applicationType: 'NewConstruction',
  applicant: applicantNationalId,
  trackingNumber,
};

const filing = filed.type === 'InquiryFiled' ? filed.data : undefined!;
const inquiryFile = (requester = filing.requester): FileFacts => ({
  process: 'inquiry',
  id: inquiryId,
  municipality: filing.municipality,
  renewalCode: filing.renewalCode,
  requester,
  filedBy: 'user-notary',
  trackingNumber: filing.trackingNumber!,
});

/** The event as the store recorded it; a document's in its own stream. */
function recorded(event: NotifyingEvent): RecordedEvent<NotifyingEvent> {
  const stream =
    event.type === 'DocumentIssued'
      ? `document-${event.data.code}`
      : 'inquiryId' in event.data
        ? inquiryStream(inquiryId)
        : permitStream(permitId);
  return {
    ...event,
    id: 'event-7',
    stream,
    revision: 7n,
    position: '42',
    metadata: {
      actor: { id: 'user-clerk', role: 'clerk', municipality },
      correlationId: 'c',
      causationId: 'r',
      recordedAt: AT,
      schemaVersion: 1,
    },
  } as RecordedEvent<NotifyingEvent>;
}

function documentIssued(
  kind: DocumentKind,
  code: string,
  body: Record<string, unknown> = {},
): NotifyingEvent {
  return {
    type: 'DocumentIssued',
    data: {
      code,
      kind,
      municipality,
      subject: { stream: permitStream(permitId), eventId: 'event-x' },
      content: { code, kind, municipality, issuedAt: AT, holders: [], body },
      contentSha256: 'c'.repeat(64),
      signature: 'sig',
      keyId: 'key-1',
      seal: 'seal',
      issuedAt: AT,
    },
  };
}

type PermitNotifying = Exclude<(typeof NOTIFYING_TYPES)[number], 'InquiryAnswered' | 'DocumentIssued'>;

/** Each permit event that tells the applicant something, and what. */
const TOLD: { readonly [T in PermitNotifying]: readonly [NotifyingEvent, Topic, TopicFacts[Topic]] } = {
  PermitSubmitted: [events.submitted, 'file_received', { applicationType: 'NewConstruction' }],
  PermitReturned: [events.returned, 'file_returned', { reasons: ['illegible scan'] }],
  SurveyorAssigned: [events.surveyorAssigned, 'survey_scheduled', {}],
  DesignReturned: [
    events.designReturned,
    'design_returned',
    { reasons: ['the stairs do not meet the fire code'] },
  ],
  DesignApproved: [events.designApproved, 'design_approved', {}],
  FeesAssessed: [
    events.feesAssessed,
    'fees_assessed',
    { total: fees.total, payUrl: `${PUBLIC_URL}/permits/${permitId}` },
  ],
  PermitPaymentRecorded: [events.feesPaid, 'payment_received', { amount: fees.total, reference: 'BANK-1' }],
  InspectionReported: [
    events.inspectedWithViolations,
    'inspection_result',
    { compliant: false, violations: 1 },
  ],
  StageInspected: [
    {
      type: 'StageInspected',
      data: {
        permitId,
        stage: 'foundation',
        inspectorId: 'inspector-1',
        findings: 'beyond the permitted line',
        photos: [],
        result: 'violations',
        violations: [{ description: 'the foundation is 2 m beyond the line' }],
      },
    },
    'inspection_result',
    { compliant: false, violations: 1 },
  ],
  PermitRevoked: [
    events.revoked,
    'permit_revoked',
    {
      reason: (events.revoked.data as { reason: string }).reason,
      verificationUrl: `${PUBLIC_URL}/v/${encodeURIComponent((events.revoked.data as { code: string }).code)}`,
    },
  ],
  CommissionRuled: [
    events.finedRuling,
    'commission_ruling',
    { ruling: 'fine', fineAmount, reference: 'C100-1405-17' },
  ],
  PaymentExpired: [
    {
      type: 'PaymentExpired',
      data: { paymentId: 'payment-1', permitId, amount: fees.total, startedAt: AT },
    },
    'payment_expired',
    { amount: fees.total, payUrl: `${PUBLIC_URL}/permits/${permitId}` },
  ],
  RefundPaid: [
    {
      type: 'RefundPaid',
      data: {
        refundId: 'refund-1',
        permitId,
        amount: fees.total,
        method: 'cash_desk',
        refundReference: 'RCPT-7',
        paidAt: AT,
      },
    },
    'refund_paid',
    { amount: fees.total, method: 'cash_desk', refundReference: 'RCPT-7' },
  ],
};

const toApplicant = (topic: Topic, facts: unknown) => [
  {
    to: { nationalId: applicantNationalId },
    municipality,
    item: { topic, cause: 'event-7', at: AT, trackingNumber, facts },
  },
];

describe('noticesOf', () => {
  it.each(Object.entries(TOLD))('tells the applicant of %s', (_type, [event, topic, facts]) => {
    expect(noticesOf(recorded(event), permitFile, CONTEXT)).toEqual(toApplicant(topic, facts));
  });

  it('leaves out a fine the ruling did not impose', () => {
    const [notice] = noticesOf(recorded(events.demolitionRuling), permitFile, CONTEXT);
    expect(notice?.item.facts).toEqual({ ruling: 'demolition', reference: 'C100-1405-18' });
  });

  it('tells a compliant inspection without violations', () => {
    const [notice] = noticesOf(recorded(events.inspectedCompliant), permitFile, CONTEXT);
    expect(notice?.item.facts).toEqual({ compliant: true, violations: 0 });
  });

  it('carries no tracking number for a file filed before there were any', () => {
    const { trackingNumber: _none, ...untracked } = permitFile;
    const [notice] = noticesOf(recorded(events.submitted), untracked, CONTEXT);
    expect(notice?.item).not.toHaveProperty('trackingNumber');
  });

  it.each(Object.entries(TOLD))('tells nobody of %s on an inquiry’s file', (_type, [event]) => {
    expect(noticesOf(recorded(event), inquiryFile(), CONTEXT)).toEqual([]);
  });

  describe('DocumentIssued', () => {
    it.each([
      ['MapOrder', 'map_order_issued'],
      ['CompletionCertificate', 'completion_certificate_issued'],
    ] as const)('links a %s to its verification page', (kind, topic) => {
      const event = recorded(documentIssued(kind, 'MO 1405/42'));
      expect(noticesOf(event, permitFile, CONTEXT)).toEqual(
        toApplicant(topic, { verificationUrl: `${PUBLIC_URL}/v/MO%201405%2F42` }),
      );
    });

    it('tells until when a building permit is valid', () => {
      const event = recorded(documentIssued('BuildingPermit', 'BP-1', { validUntil }));
      expect(noticesOf(event, permitFile, CONTEXT)).toEqual(
        toApplicant('permit_issued', { verificationUrl: `${PUBLIC_URL}/v/BP-1`, validUntil }),
      );
    });

    it('tells of a renewal when the permit document renews another', () => {
      const body = { validUntil, renewsValidUntil: '2026-01-01T00:00:00.000Z' };
      const event = recorded(documentIssued('BuildingPermit', 'BP-2', body));
      expect(noticesOf(event, permitFile, CONTEXT)).toEqual(
        toApplicant('permit_renewed', { verificationUrl: `${PUBLIC_URL}/v/BP-2`, validUntil }),
      );
    });

    it.each(['InquiryAnswer', 'NoViolationCertificate'] as const)('tells nobody of a %s', (kind) => {
      const event = recorded(documentIssued(kind, 'IA-1'));
      expect(noticesOf(event, permitFile, CONTEXT)).toEqual([]);
      expect(noticesOf(event, inquiryFile(), CONTEXT)).toEqual([]);
    });
  });

  describe('InquiryAnswered', () => {
    const blocked: InquiryEvent = {
      type: 'InquiryAnswered',
      data: { inquiryId, outcome: 'blocked', answeredBy: 'clerk', reasons: [], amountsDue: [] },
    };
    const context: NoticeContext = {
      publicUrl: PUBLIC_URL,
      parcelOwners: ['0013542419', '0067749828'],
      requesterName: 'دفتر اسناد رسمی ۱۲',
    };
    const item = (topic: Topic, facts: object) => ({
      topic,
      cause: 'event-7',
      at: AT,
      trackingNumber: filing.trackingNumber,
      facts,
    });
    const aboutParcel = (nationalId: string) => ({
      to: { nationalId },
      municipality: 'hamedan',
      item: item('parcel_inquiry_answered', {
        outcome: 'blocked',
        renewalCode: filing.renewalCode,
        requesterName: 'دفتر اسناد رسمی ۱۲',
      }),
    });

    it('tells the organisation’s person who filed it, and every owner of the parcel', () => {
      expect(noticesOf(recorded(blocked), inquiryFile(), context)).toEqual([
        {
          to: { userId: 'user-notary' },
          municipality: 'hamedan',
          item: item('inquiry_answered', { outcome: 'blocked', renewalCode: filing.renewalCode }),
        },
        aboutParcel('0013542419'),
        aboutParcel('0067749828'),
      ]);
    });

    it('tells a citizen requester by national id, and not again as an owner', () => {
      const notices = noticesOf(
        recorded(clearedAutomatically),
        inquiryFile({ nationalId: '0013542419' }),
        context,
      );
      expect(notices.map((n) => [n.to, n.item.topic])).toEqual([
        [{ nationalId: '0013542419' }, 'inquiry_answered'],
        [{ nationalId: '0067749828' }, 'parcel_inquiry_answered'],
      ]);
    });

    it('tells only the requester of a parcel without owners on record', () => {
      const notices = noticesOf(recorded(blocked), inquiryFile(), { publicUrl: PUBLIC_URL });
      expect(notices.map((n) => n.item.topic)).toEqual(['inquiry_answered']);
    });

    it('tells nobody of an answer on a permit’s file', () => {
      expect(noticesOf(recorded(blocked), permitFile, context)).toEqual([]);
    });
  });

  it('covers every notifying event type', () => {
    expect([...Object.keys(TOLD), 'InquiryAnswered', 'DocumentIssued'].sort()).toEqual(
      [...NOTIFYING_TYPES].sort(),
    );
  });
});
