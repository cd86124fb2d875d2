import type { RecordedEvent } from '../../src/event-store/event-envelope.js';
import type { RefundEvent } from '../../src/payments/refunds/refund.events.js';
import { refundsProjection, type RefundView } from './refunds.projection.js';

const refundId = 'refund-0001';
const HOUR = 3_600_000;
const START = Date.parse('2026-03-01T06:00:00.000Z');
const hourAt = (n: number) => new Date(START + n * HOUR).toISOString();

const requested: RefundEvent = {
  type: 'RefundRequested',
  data: {
    refundId,
    paymentId: 'payment-0001',
    permitId: 'permit-0001',
    municipality: 'hamedan',
    amount: 844_800_000,
    reason: 'the file was withdrawn after the payment',
    payerNationalId: '0013542419',
    requestedBy: 'user-clerk-1',
  },
};
const approved: RefundEvent = { type: 'RefundApproved', data: { refundId, approvedBy: 'user-clerk-2' } };
const declined: RefundEvent = {
  type: 'RefundDeclined',
  data: { refundId, reason: 'the payment was recorded on the file', declinedBy: 'user-clerk-2' },
};
const paid: RefundEvent = {
  type: 'RefundPaid',
  data: {
    refundId,
    permitId: 'permit-0001',
    amount: 844_800_000,
    method: 'cash_desk',
    refundReference: 'RCPT-7',
    paidAt: '2026-03-01T09:00:00.000Z',
  },
};

/** The events as the store records them, one hour apart. */
function fold(...events: RefundEvent[]): RefundView | null {
  return events
    .map(
      (event, i) =>
        ({
          ...event,
          id: `event-${i}`,
          stream: 'refunds-payment-0001',
          revision: BigInt(i),
          position: String(i + 1),
          metadata: {
            actor: { id: 'user-clerk-1', role: 'clerk' },
            correlationId: 'c',
            causationId: 'r',
            recordedAt: hourAt(i),
            schemaVersion: 1,
          },
        }) as RecordedEvent<RefundEvent>,
    )
    .reduce<RefundView | null>((doc, event) => refundsProjection.evolve(doc, event), null);
}

describe('refunds projection', () => {
  it('holds a requested refund with its payment, file, payer and amount', () => {
    expect(fold(requested)).toEqual({
      id: refundId,
      ...requested.data,
      status: 'requested',
      requestedAt: hourAt(0),
      updatedAt: hourAt(0),
      position: '1',
    });
  });

  it('shows who approved it and how it was paid', () => {
    expect(fold(requested, approved, paid)).toMatchObject({
      status: 'paid',
      approval: { by: 'user-clerk-2', at: hourAt(1) },
      payout: { method: 'cash_desk', refundReference: 'RCPT-7', paidAt: '2026-03-01T09:00:00.000Z' },
      updatedAt: hourAt(2),
      position: '3',
    });
  });

  it('shows a gateway payout under way, and its failure, approved again', () => {
    const started: RefundEvent = {
      type: 'RefundPayoutStarted',
      data: { refundId, method: 'gateway', by: 'user-cashier-1' },
    };
    const failed: RefundEvent = {
      type: 'RefundPayoutFailed',
      data: { refundId, code: 'PAYMENT.REFUND_REFUSED', by: 'user-cashier-1' },
    };
    expect(fold(requested, approved, started)).toMatchObject({
      status: 'paying',
      payoutAttempt: { method: 'gateway', by: 'user-cashier-1', at: hourAt(2) },
    });
    expect(fold(requested, approved, started, failed)).toMatchObject({
      status: 'approved',
      payoutAttempt: {
        method: 'gateway',
        at: hourAt(2),
        failure: { code: 'PAYMENT.REFUND_REFUSED', by: 'user-cashier-1', at: hourAt(3) },
      },
    });
  });

  it('shows who declined it and why', () => {
    expect(fold(requested, declined)).toMatchObject({
      status: 'declined',
      decline: { by: 'user-clerk-2', reason: 'the payment was recorded on the file', at: hourAt(1) },
    });
  });

  it('ignores events of a refund it never saw requested', () => {
    expect(fold(approved)).toBeNull();
  });
});
