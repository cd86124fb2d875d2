import type { RefundView } from './refunds.read-model.js';
import { refundAnswer } from './refund-access.js';

const refund: RefundView = {
  id: 'refund-1',
  refundId: 'refund-1',
  paymentId: 'payment-1',
  permitId: 'permit-1',
  municipality: 'hamedan',
  amount: 1_000,
  reason: 'the file was withdrawn',
  payerNationalId: '0013542419',
  requestedBy: 'user-clerk-1',
  status: 'paid',
  requestedAt: '2026-04-01T08:00:00.000Z',
  approval: { by: 'user-clerk-2', at: '2026-04-01T09:00:00.000Z' },
  decline: { by: 'user-clerk-2', reason: 'no', at: '2026-04-01T09:00:00.000Z' },
  payoutAttempt: {
    method: 'gateway',
    by: 'user-cashier-1',
    at: '2026-04-02T09:00:00.000Z',
    failure: { code: 'PAYMENT.REFUND_REFUSED', by: 'user-cashier-1', at: '2026-04-02T09:00:01.000Z' },
  },
  payout: { method: 'cash_desk', refundReference: 'RCPT-7', paidAt: '2026-04-02T10:00:00.000Z' },
  updatedAt: '2026-04-02T10:00:00.000Z',
  position: '9',
};

describe('a refund as its reader sees it', () => {
  it('shows staff who of them requested, decided and paid it out', () => {
    expect(refundAnswer('staff', refund)).toEqual(refund);
  });

  it.each(['owner', 'organisation'] as const)(
    'shows the payer (%s) what was decided and when, not by whom',
    (access) => {
      const answer = refundAnswer(access, refund);
      expect(JSON.stringify(answer)).not.toMatch(/user-/);
      expect(answer).toMatchObject({
        status: 'paid',
        approval: { at: refund.approval!.at },
        decline: { reason: 'no', at: refund.decline!.at },
        payoutAttempt: { method: 'gateway', failure: { code: 'PAYMENT.REFUND_REFUSED' } },
        payout: refund.payout,
      });
    },
  );
});
