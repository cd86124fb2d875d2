import type { Actor, RecordedEvent } from '../../src/event-store/event-envelope.js';
import { counterOfficeActor } from '../../test/support/actors.js';
import {
  clearedAutomatically,
  filed,
  filedAt,
  inquiryId,
  referred,
  unpaidDues,
} from '../../src/inquiries/inquiry.fixtures.js';
import { inquiryStream, type InquiryEvent } from '../../src/inquiries/inquiry.events.js';
import {
  inquiriesProjection,
  type InquiriesProjectionEvent,
  type InquiryView,
  type InquiryDocumentIssued,
} from './inquiries.projection.js';

const HOUR = 3_600_000;
const notary: Actor = { id: 'user-notary', role: 'notary', office: 'notary-office-12' };
const clerk: Actor = { id: 'user-clerk', role: 'clerk', municipality: 'hamedan' };
const hourAt = (n: number) => new Date(Date.parse(filedAt) + n * HOUR).toISOString();

function recorded(
  events: readonly [InquiriesProjectionEvent, Actor][],
): RecordedEvent<InquiriesProjectionEvent>[] {
  return events.map(
    ([event, actor], i) =>
      ({
        ...event,
        id: `event-${i}`,
        stream: event.type === 'DocumentIssued' ? `document-${event.data.code}` : inquiryStream(inquiryId),
        revision: BigInt(i),
        position: String(i + 1),
        metadata: { actor, correlationId: 'c', causationId: 'r', recordedAt: hourAt(i), schemaVersion: 1 },
      }) as RecordedEvent<InquiriesProjectionEvent>,
  );
}

const fold = (events: readonly [InquiriesProjectionEvent, Actor][]) =>
  recorded(events).reduce<InquiryView | null>((doc, e) => inquiriesProjection.evolve(doc, e), null);

function issued(code: string, stream = inquiryStream(inquiryId)): InquiryDocumentIssued {
  const content = {
    code,
    kind: 'InquiryAnswer' as const,
    municipality: 'hamedan',
    issuedAt: filedAt,
    holders: [],
    body: {},
  };
  return {
    type: 'DocumentIssued',
    data: {
      code,
      kind: 'InquiryAnswer',
      municipality: 'hamedan',
      subject: { stream, eventId: 'event-x' },
      content,
      contentSha256: 'c'.repeat(64),
      signature: 'sig',
      keyId: 'key-1',
      seal: 'seal',
      issuedAt: filedAt,
    },
  };
}

describe('inquiries projection', () => {
  it('files an inquiry as its organisation’s, in the parcel’s region, due by the deadline', () => {
    expect(fold([[filed, notary]])).toEqual({
      id: inquiryId,
      inquiryId,
      kind: 'Transfer',
      municipality: 'hamedan',
      region: '1',
      renewalCode: '1-1-1-2-0-0-0',
      organisation: 'notary-office-12',
      requesterReference: 'N12-1405-0001',
      purpose: 'sale of the property',
      trackingNumber: '4765744111',
      status: 'checking',
      filedAt,
      dueAt: '2026-11-28T08:00:00.000Z',
      updatedAt: filedAt,
      position: '1',
    });
  });

  it('shows no tracking number on an inquiry filed before numbers were given', () => {
    const { trackingNumber: _, ...before } = filed.data as Extract<
      InquiryEvent,
      { type: 'InquiryFiled' }
    >['data'];
    expect(fold([[{ type: 'InquiryFiled', data: before }, notary]])).not.toHaveProperty('trackingNumber');
  });

  it('keeps a citizen’s national id as the requester', () => {
    const citizens: InquiryEvent = {
      type: 'InquiryFiled',
      data: { ...(filed.data as object), kind: 'NoViolation', requester: { nationalId: '0013542419' } },
    } as InquiryEvent;
    expect(fold([[citizens, notary]])).toMatchObject({ requesterNationalId: '0013542419' });
    expect(fold([[citizens, notary]])).not.toHaveProperty('organisation');
  });

  it('names the counter office that filed for the citizen, and none on what the citizen filed', () => {
    const citizens = {
      type: 'InquiryFiled',
      data: { ...(filed.data as object), kind: 'NoViolation', requester: { nationalId: '0013542419' } },
    } as InquiryEvent;
    const office = counterOfficeActor;
    expect(fold([[citizens, office]])).toMatchObject({
      requesterNationalId: '0013542419',
      counterOffice: 'counter-office-3',
    });
    expect(fold([[citizens, office]])).not.toHaveProperty('organisation');
    const citizen: Actor = { id: 'user-citizen', role: 'citizen' };
    expect(fold([[citizens, citizen]])).not.toHaveProperty('counterOffice');
  });

  it('puts a referred inquiry on the worklist with its findings, then records the answer and its document', () => {
    const waiting = fold([
      [filed, notary],
      [referred, notary],
    ]);
    expect(waiting).toMatchObject({
      status: 'awaiting_clerk',
      findings: { ...unpaidDues, checkedAt: hourAt(1) },
    });
    const answered = fold([
      [filed, notary],
      [referred, notary],
      [clearedAutomatically, notary],
      [issued('ANSWER1'), notary],
    ]);
    expect(answered).toMatchObject({
      status: 'answered',
      answer: {
        outcome: 'cleared',
        answeredBy: 'automatic',
        answeredAt: hourAt(2),
        reasons: [],
        amountsDue: [],
      },
      document: { code: 'ANSWER1', kind: 'InquiryAnswer' },
      updatedAt: hourAt(3),
      position: '4',
    });
    expect(answered?.answer).not.toHaveProperty('clerkId');
  });

  it('names the clerk who answered', () => {
    const byClerk: InquiryEvent = {
      type: 'InquiryAnswered',
      data: { inquiryId, outcome: 'blocked', answeredBy: 'clerk', ...unpaidDues },
    };
    expect(
      fold([
        [filed, notary],
        [referred, notary],
        [byClerk, clerk],
      ])?.answer,
    ).toMatchObject({ outcome: 'blocked', clerkId: 'user-clerk', ...unpaidDues });
  });

  it('ignores documents issued for anything but an inquiry', () => {
    const [permitDocument] = recorded([[issued('PERMIT1', 'permit-123'), clerk]]);
    expect(inquiriesProjection.documentId(permitDocument!)).toBeNull();
  });
});
