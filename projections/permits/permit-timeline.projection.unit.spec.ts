import type { Actor, RecordedEvent } from '../../src/event-store/event-envelope.js';
import { permitStream, type PermitEvent } from '../../src/permits/permit.events.js';
import { events as e, history, permitId } from '../../src/permits/permit.fixtures.js';
import { permitTimelineProjection, type PermitTimelineEntry } from './permit-timeline.projection.js';

const START = Date.parse('2026-11-25T06:00:00.000Z');
const counter: Actor = {
  id: 'user-counter',
  role: 'counter_office',
  office: 'office-7',
  onBehalfOf: '0013542419',
};
const clerk: Actor = { id: 'user-clerk', role: 'clerk', municipality: 'hamedan' };

/** The file's events as recorded: the counter office opens and submits, the clerk does the rest, a day apart. */
function recorded(events: readonly PermitEvent[]): RecordedEvent<PermitEvent>[] {
  return events.map(
    (event, i) =>
      ({
        ...event,
        id: `event-${i}`,
        stream: permitStream(permitId),
        revision: BigInt(i),
        position: String(100 + i),
        metadata: {
          actor: i < history.submitted.length ? counter : clerk,
          correlationId: 'c',
          causationId: 'r',
          recordedAt: new Date(START + i * 86_400_000).toISOString(),
          schemaVersion: 1,
        },
      }) as RecordedEvent<PermitEvent>,
  );
}

const entries = (events: readonly PermitEvent[]): PermitTimelineEntry[] =>
  recorded(events).map((event) => {
    expect(permitTimelineProjection.documentId(event)).toBe(event.id);
    return permitTimelineProjection.evolve(null, event)!;
  });

describe('permit timeline projection', () => {
  it('keeps one entry per event, in stream order, with Persian titles and Jalali days', () => {
    const timeline = entries([...history.under_review, e.returned, e.submitted]);
    expect(timeline.map((t) => [t.revision, t.titleFa])).toEqual([
      [0, 'تشکیل پرونده'],
      [1, 'پیوست مدرک'],
      [2, 'پیوست مدرک'],
      [3, 'پیوست مدرک'],
      [4, 'ثبت درخواست'],
      [5, 'پذیرش پرونده توسط کارشناس'],
      [6, 'بازگشت پرونده برای تکمیل مدارک'],
      [7, 'ثبت درخواست'],
    ]);
    expect(timeline[0]).toEqual({
      id: 'event-0',
      permitId,
      revision: 0,
      position: '100',
      type: 'PermitDraftOpened',
      actor: { id: 'user-counter', role: 'counter_office', onBehalfOf: '0013542419' },
      recordedAt: '2026-11-25T06:00:00.000Z',
      recordedAtJalali: '1405-09-04',
      titleFa: 'تشکیل پرونده',
      details: { applicationType: 'NewConstruction', renewalCode: '1-1-1-1-0-0-0' },
    });
    expect(timeline[5]!.actor).toEqual({ id: 'user-clerk', role: 'clerk' });
    expect(timeline[6]!.details).toEqual({ reasons: e.returned.data.reasons });
  });

  it('shows a few safe fields: counts and amounts, not payment references or photo hashes', () => {
    const byType = new Map(entries(history.completed).map((t) => [t.type, t.details]));
    expect(byType.get('SiteVisitReported')).toEqual({ measuredAreaM2: 250, streetWidthM: 12 });
    expect(byType.get('DesignSubmitted')).toMatchObject({ engineerId: 'engineer-1', violations: 0 });
    expect(byType.get('FeesAssessed')).toEqual({ ruleSetVersion: 1, total: e.feesAssessed.data.total });
    expect(byType.get('PermitPaymentRecorded')).toEqual({
      purpose: 'fees',
      amount: e.feesPaid.data.amount,
      channel: 'gateway',
    });
    expect(byType.get('InspectionReported')).toEqual({ compliant: true, violations: 0 });
    expect(JSON.stringify([...byType.values()])).not.toMatch(/BANK-1|bbbbbbbb/);
  });

  it('says which permit document was revoked, when and why, and what replaced it', () => {
    const superseded = { ...e.revoked, data: { ...e.revoked.data, supersededBy: 'HM9Z4T8W2Q' } };
    const [revoked, replaced] = entries([e.revoked, superseded]);
    expect(revoked).toMatchObject({
      titleFa: 'ابطال پروانه ساختمانی',
      details: {
        code: 'HM3K7Q2P9X',
        reason: 'issued on a forged deed',
        revokedAt: '2026-06-01T07:00:00.000Z',
      },
    });
    expect(replaced!.details).toMatchObject({ supersededBy: 'HM9Z4T8W2Q' });
  });
});
