import { given } from '../../../test/support/given.js';
import type { FileHolding } from './file-holding.js';
import { refundDecider, type RefundCommand } from './refund.decider.js';
import type { RefundEvent, RefundMethod } from './refund.events.js';

const refundId = 'refund-0001';
const request = {
  refundId,
  paymentId: 'payment-0001',
  permitId: 'permit-0001',
  municipality: 'hamedan',
  amount: 844_800_000,
  reason: 'the file was withdrawn after the payment',
  payerNationalId: '0013542419',
  requestedBy: 'user-clerk-1',
};
const payment = {
  refundId,
  method: 'gateway' as RefundMethod,
  refundReference: 'REFUND-SBX-1',
  paidAt: '2026-04-02T09:00:00Z',
};

const requested: RefundEvent = { type: 'RefundRequested', data: request };
const approved: RefundEvent = { type: 'RefundApproved', data: { refundId, approvedBy: 'user-clerk-2' } };
const declined: RefundEvent = {
  type: 'RefundDeclined',
  data: { refundId, reason: 'the payment was recorded on the file', declinedBy: 'user-clerk-2' },
};
const paid: RefundEvent = {
  type: 'RefundPaid',
  data: {
    ...payment,
    permitId: request.permitId,
    amount: request.amount,
    paidAt: '2026-04-02T09:00:00.000Z',
  },
};

/** Fees paid, then the file withdrawn before a permit was issued: it no longer keeps the money. */
const withdrawn: FileHolding = { status: 'withdrawn', issued: false, holds: request.amount };
const requestRefund = (
  data: Partial<typeof request> = {},
  paid = request.amount,
  file = withdrawn,
): RefundCommand => ({ type: 'RequestRefund', data: { ...request, ...data }, paid, file });
const approve = (approvedBy = 'user-clerk-2'): RefundCommand => ({
  type: 'ApproveRefund',
  data: { refundId, approvedBy },
});
const decline = (declinedBy = 'user-clerk-2', reason = declined.data.reason): RefundCommand => ({
  type: 'DeclineRefund',
  data: { refundId, reason, declinedBy },
});
const pay = (data: Partial<typeof payment> = {}): RefundCommand => ({
  type: 'PayRefund',
  data: { ...payment, ...data },
});
const startPayout = (by = 'user-cashier-1'): RefundCommand => ({
  type: 'StartRefundPayout',
  data: { refundId, method: 'gateway', by },
});
const started: RefundEvent = {
  type: 'RefundPayoutStarted',
  data: { refundId, method: 'gateway', by: 'user-cashier-1' },
};
const failPayout = (code = 'PAYMENT.REFUND_REFUSED'): RefundCommand => ({
  type: 'FailRefundPayout',
  data: { refundId, code, by: 'user-cashier-1' },
});
const failed: RefundEvent = {
  type: 'RefundPayoutFailed',
  data: { refundId, code: 'PAYMENT.REFUND_REFUSED', by: 'user-cashier-1' },
};
/** A second refund of the same payment. */
const other = (amount: number, id = 'refund-0002'): RefundEvent => ({
  type: 'RefundRequested',
  data: { ...request, refundId: id, amount },
});

describe('refund decider', () => {
  describe('RequestRefund', () => {
    it('requests a refund of what is left of the payment', () => {
      expect(given(refundDecider).when(requestRefund())).toEqual([requested]);
      expect(given(refundDecider).when(requestRefund({ amount: 1 }))).toEqual([
        { type: 'RefundRequested', data: { ...request, amount: 1 } },
      ]);
    });

    it('asks for all that is left of the payment when no amount is named', () => {
      const { amount: _all, ...withoutAmount } = request;
      const all: RefundCommand = {
        type: 'RequestRefund',
        data: withoutAmount,
        paid: 1_000_000,
        file: withdrawn,
      };
      expect(given(refundDecider, other(700_000)).when(all)).toEqual([
        { type: 'RefundRequested', data: { ...request, amount: 300_000 } },
      ]);
      // Nothing left is too much to ask, whoever asked first.
      expect(given(refundDecider, other(1_000_000)).when(all)).toMatchObject({
        code: 'REFUND.EXCEEDS_PAYMENT',
        details: { refundable: 0 },
      });
    });

    it('refuses more than the payment brought in and the refunds of it in its stream leave', () => {
      expect(given(refundDecider).when(requestRefund({}, request.amount - 1))).toMatchObject({
        code: 'REFUND.EXCEEDS_PAYMENT',
        kind: 'conflict',
        details: { refundable: request.amount - 1 },
      });
      expect(
        given(refundDecider, other(request.amount - 1)).when(requestRefund({ amount: 2 })),
      ).toMatchObject({
        code: 'REFUND.EXCEEDS_PAYMENT',
        details: { refundable: 1 },
      });
      expect(given(refundDecider).when(requestRefund({ amount: 1 }, 0))).toMatchObject({
        code: 'REFUND.EXCEEDS_PAYMENT',
      });
    });

    it('counts every refund of the payment but a declined one', () => {
      const declinedOther: RefundEvent = {
        type: 'RefundDeclined',
        data: { refundId: 'refund-0002', reason: 'kept as credit', declinedBy: 'user-clerk-2' },
      };
      expect(given(refundDecider, other(request.amount), declinedOther).when(requestRefund())).toEqual([
        requested,
      ]);
    });

    it.each<[string, FileHolding]>([
      ['issued', { status: 'issued', issued: true, holds: request.amount }],
      ['paid, awaiting its permit', { status: 'paid', issued: false, holds: request.amount }],
      ['completed', { status: 'completed', issued: true, holds: request.amount }],
      ['withdrawn after its permit was issued', { status: 'withdrawn', issued: true, holds: request.amount }],
    ])('refuses a payment the file keeps: a file %s', (_name, file) => {
      expect(given(refundDecider).when(requestRefund({}, request.amount, file))).toMatchObject({
        code: 'REFUND.FILE_KEEPS_PAYMENT',
        kind: 'conflict',
        details: { fileStatus: file.status, issued: file.issued },
      });
    });

    it.each<[string, FileHolding]>([
      ['withdrawn before its permit was issued', withdrawn],
      ['rejected before its permit was issued', { status: 'rejected', issued: false, holds: request.amount }],
      ['that refused the payment (rejected_by_file)', { status: 'issued', issued: true, holds: 0 }],
    ])('refunds a payment of a file %s', (_name, file) => {
      expect(given(refundDecider).when(requestRefund({}, request.amount, file))).toEqual([requested]);
    });

    it.each([0, -1, 2.5, Number.MAX_SAFE_INTEGER + 1])('refuses an amount of %p rials', (amount) => {
      expect(given(refundDecider).when(requestRefund({ amount }))).toMatchObject({
        code: 'REFUND.INVALID_AMOUNT',
        kind: 'invalid',
      });
    });

    it('refuses a refund without a reason', () => {
      expect(given(refundDecider).when(requestRefund({ reason: '  ' }))).toMatchObject({
        code: 'REFUND.REASON_REQUIRED',
        kind: 'invalid',
      });
    });

    it('refuses a refund id already used', () => {
      expect(given(refundDecider, requested).when(requestRefund())).toMatchObject({
        code: 'REFUND.ALREADY_EXISTS',
      });
    });
  });

  describe('ApproveRefund', () => {
    it('is approved by a second person', () => {
      expect(given(refundDecider, requested).when(approve())).toEqual([approved]);
    });

    it('refuses the requester approving their own request', () => {
      expect(given(refundDecider, requested).when(approve('user-clerk-1'))).toMatchObject({
        code: 'REFUND.SAME_APPROVER',
        kind: 'forbidden',
      });
    });

    it('answers the same approval again with nothing, and refuses a decided refund', () => {
      expect(given(refundDecider, requested, approved).when(approve())).toEqual([]);
      expect(given(refundDecider, requested, approved).when(approve('user-clerk-3'))).toMatchObject({
        code: 'REFUND.NOT_REQUESTED',
        details: { status: 'approved' },
      });
      expect(given(refundDecider, requested, declined).when(approve())).toMatchObject({
        code: 'REFUND.NOT_REQUESTED',
      });
    });

    it('does not find a refund never requested', () => {
      expect(given(refundDecider).when(approve())).toMatchObject({
        code: 'REFUND.NOT_FOUND',
        kind: 'not_found',
      });
    });
  });

  describe('DeclineRefund', () => {
    it('is declined by a second person, with a reason', () => {
      expect(given(refundDecider, requested).when(decline())).toEqual([declined]);
      expect(given(refundDecider, requested, declined).when(decline())).toEqual([]);
    });

    it('refuses the requester, a missing reason and an approved refund', () => {
      expect(given(refundDecider, requested).when(decline('user-clerk-1'))).toMatchObject({
        code: 'REFUND.SAME_APPROVER',
      });
      expect(given(refundDecider, requested).when(decline('user-clerk-2', ''))).toMatchObject({
        code: 'REFUND.REASON_REQUIRED',
      });
      expect(given(refundDecider, requested, approved).when(decline())).toMatchObject({
        code: 'REFUND.NOT_REQUESTED',
      });
    });
  });

  describe('StartRefundPayout', () => {
    it('starts a gateway payout of an approved refund, once', () => {
      expect(given(refundDecider, requested, approved).when(startPayout())).toEqual([started]);
      // A second cashier, a double click or a retry: the gateway is asked already.
      expect(
        given(refundDecider, requested, approved, started).when(startPayout('user-cashier-2')),
      ).toMatchObject({ code: 'REFUND.PAYOUT_IN_PROGRESS', kind: 'conflict', details: { status: 'paying' } });
    });

    it('refuses a refund not approved, and a paid one', () => {
      expect(given(refundDecider, requested).when(startPayout())).toMatchObject({
        code: 'REFUND.NOT_APPROVED',
      });
      expect(given(refundDecider, requested, approved, started, paid).when(startPayout())).toMatchObject({
        code: 'REFUND.ALREADY_PAID',
      });
    });

    it('starts again after the gateway refused the payout', () => {
      expect(given(refundDecider, requested, approved, started, failed).when(startPayout())).toEqual([
        started,
      ]);
    });
  });

  describe('FailRefundPayout', () => {
    it('fails a payout under way, and the refund is approved again, for the cash desk', () => {
      expect(given(refundDecider, requested, approved, started).when(failPayout())).toEqual([failed]);
      const atDesk = pay({ method: 'cash_desk', refundReference: 'RCPT-77' });
      expect(given(refundDecider, requested, approved, started, failed).when(atDesk)).toMatchObject([
        { type: 'RefundPaid', data: { method: 'cash_desk' } },
      ]);
    });

    it('refuses a refund with no payout under way', () => {
      expect(given(refundDecider, requested, approved).when(failPayout())).toMatchObject({
        code: 'REFUND.NOT_PAYING',
      });
      expect(given(refundDecider, requested, approved, started, paid).when(failPayout())).toMatchObject({
        code: 'REFUND.NOT_PAYING',
        details: { status: 'paid' },
      });
    });
  });

  describe('PayRefund', () => {
    it('pays a gateway payout under way, naming its file and amount, at a canonical time', () => {
      expect(given(refundDecider, requested, approved, started).when(pay())).toEqual([paid]);
    });

    it('pays an approved refund at the cash desk', () => {
      const atDesk = pay({ method: 'cash_desk', refundReference: 'RCPT-77' });
      expect(given(refundDecider, requested, approved).when(atDesk)).toMatchObject([
        { type: 'RefundPaid', data: { method: 'cash_desk', refundReference: 'RCPT-77' } },
      ]);
    });

    it('refuses a gateway payment not started, and the cash desk while the gateway pays', () => {
      expect(given(refundDecider, requested, approved).when(pay())).toMatchObject({
        code: 'REFUND.PAYOUT_NOT_STARTED',
      });
      const atDesk = pay({ method: 'cash_desk', refundReference: 'RCPT-77' });
      expect(given(refundDecider, requested, approved, started).when(atDesk)).toMatchObject({
        code: 'REFUND.PAYOUT_IN_PROGRESS',
      });
    });

    it('refuses a refund not approved', () => {
      expect(given(refundDecider, requested).when(pay())).toMatchObject({ code: 'REFUND.NOT_APPROVED' });
      expect(given(refundDecider, requested, declined).when(pay())).toMatchObject({
        code: 'REFUND.NOT_APPROVED',
        details: { status: 'declined' },
      });
    });

    it('answers the same payment again with nothing, and refuses another reference', () => {
      const history = [requested, approved, started, paid];
      expect(given(refundDecider, ...history).when(pay())).toEqual([]);
      expect(given(refundDecider, ...history).when(pay({ refundReference: 'X' }))).toMatchObject({
        code: 'REFUND.ALREADY_PAID',
      });
    });

    it.each([
      [{ method: 'cheque' as 'gateway' }, 'REFUND.INVALID_METHOD'],
      [{ refundReference: 'with space' }, 'REFUND.INVALID_REFERENCE'],
      [{ refundReference: '' }, 'REFUND.INVALID_REFERENCE'],
      [{ paidAt: '2 April' }, 'REFUND.INVALID_TIME'],
    ])('refuses %p', (data, code) => {
      expect(given(refundDecider, requested, approved, started).when(pay(data))).toMatchObject({
        code,
        kind: 'invalid',
      });
    });
  });

  it('keeps each refund of the payment apart', () => {
    expect(given(refundDecider, requested, other(1), approved).when(approve())).toEqual([]);
    const approveOther: RefundCommand = {
      type: 'ApproveRefund',
      data: { refundId: 'refund-0002', approvedBy: 'user-clerk-2' },
    };
    expect(given(refundDecider, requested, other(1), approved).when(approveOther)).toEqual([
      { type: 'RefundApproved', data: approveOther.data },
    ]);
    expect(given(refundDecider, requested).when({ ...approveOther })).toMatchObject({
      code: 'REFUND.NOT_FOUND',
    });
  });
});
