import { given } from '../../test/support/given.js';
import { paymentDecider, type PaymentCommand } from './payment.decider.js';
import type { GatewayName, PaymentEvent } from './payment.events.js';

const paymentId = 'payment-0001';
const intent = {
  paymentId,
  permitId: 'permit-0001',
  municipality: 'hamedan',
  purpose: 'fees' as const,
  amount: 844_800_000,
  payerNationalId: '0013542419',
  gateway: 'sandbox' as const,
};
const confirmation = { paymentId, reference: 'SBX-1', amount: intent.amount, paidAt: '2026-04-01T08:30:00Z' };

const started: PaymentEvent = { type: 'PaymentStarted', data: intent };
const confirmed: PaymentEvent = {
  type: 'PaymentConfirmed',
  data: { ...confirmation, paidAt: '2026-04-01T08:30:00.000Z' },
};
const failed: PaymentEvent = { type: 'PaymentFailed', data: { paymentId, reason: 'cancelled by the payer' } };
const rejection = { paymentId, code: 'PAYMENT.AMOUNT_MISMATCH', message: 'The amount due is 1 rials' };
const rejected: PaymentEvent = { type: 'PaymentRejectedByFile', data: rejection };

const start = (data: Partial<typeof intent> = {}): PaymentCommand => ({
  type: 'StartPayment',
  data: { ...intent, ...data },
});
const confirm = (
  data: Partial<typeof confirmation> = {},
  gateway: GatewayName = 'sandbox',
): PaymentCommand => ({
  type: 'ConfirmPayment',
  data: { ...confirmation, ...data, gateway },
});
const fail = (reason = 'cancelled by the payer', gateway: GatewayName = 'sandbox'): PaymentCommand => ({
  type: 'FailPayment',
  data: { paymentId, reason, gateway },
});
const reject: PaymentCommand = { type: 'RejectPaymentByFile', data: rejection };
const expiry = {
  paymentId,
  permitId: intent.permitId,
  amount: intent.amount,
  startedAt: '2026-04-01T08:00:00.000Z',
};
const expired: PaymentEvent = { type: 'PaymentExpired', data: expiry };
const expire: PaymentCommand = { type: 'ExpirePayment', data: expiry };

describe('payment decider', () => {
  describe('StartPayment', () => {
    it('starts a payment for the amount the file owes', () => {
      expect(given(paymentDecider).when(start())).toEqual([started]);
    });

    it('refuses a payment id already used', () => {
      expect(given(paymentDecider, started).when(start())).toMatchObject({
        code: 'PAYMENT.ALREADY_EXISTS',
        kind: 'conflict',
      });
    });

    it.each([0, -5, 1.5, Number.MAX_SAFE_INTEGER + 1])('refuses an amount of %p rials', (amount) => {
      expect(given(paymentDecider).when(start({ amount }))).toMatchObject({
        code: 'PAYMENT.INVALID_AMOUNT',
        kind: 'invalid',
      });
    });

    it('refuses a purpose other than the fees or a fine', () => {
      const command = start({ purpose: 'dues' as 'fees' });
      expect(given(paymentDecider).when(command)).toMatchObject({ code: 'PAYMENT.INVALID_PURPOSE' });
    });
  });

  describe('ConfirmPayment', () => {
    it('confirms the intent with the gateway reference, at a canonical time', () => {
      expect(given(paymentDecider, started).when(confirm())).toEqual([confirmed]);
    });

    it('answers the same confirmation again with nothing', () => {
      expect(given(paymentDecider, started, confirmed).when(confirm())).toEqual([]);
      expect(given(paymentDecider, started, confirmed, rejected).when(confirm())).toEqual([]);
    });

    it('refuses another reference once confirmed', () => {
      expect(given(paymentDecider, started, confirmed).when(confirm({ reference: 'SBX-2' }))).toMatchObject({
        code: 'PAYMENT.ALREADY_CONFIRMED',
        kind: 'conflict',
        details: { reference: 'SBX-1' },
      });
    });

    it('refuses an amount other than the intent’s, saying which was expected', () => {
      expect(given(paymentDecider, started).when(confirm({ amount: 1_000 }))).toMatchObject({
        code: 'PAYMENT.AMOUNT_MISMATCH',
        kind: 'conflict',
        details: { expected: intent.amount },
      });
    });

    it('accepts a confirmation after a failure: the money moved', () => {
      expect(given(paymentDecider, started, failed).when(confirm())).toEqual([confirmed]);
    });

    it.each([
      [{ reference: '' }, 'PAYMENT.INVALID_REFERENCE'],
      [{ reference: 'has space' }, 'PAYMENT.INVALID_REFERENCE'],
      [{ reference: 'x'.repeat(65) }, 'PAYMENT.INVALID_REFERENCE'],
      [{ paidAt: '2026-04-01 08:30' }, 'PAYMENT.INVALID_TIME'],
      [{ paidAt: '2026-02-30T08:30:00Z' }, 'PAYMENT.INVALID_TIME'],
    ])('refuses %p', (data, code) => {
      expect(given(paymentDecider, started).when(confirm(data))).toMatchObject({ code, kind: 'invalid' });
    });

    it('knows no unknown payment', () => {
      expect(given(paymentDecider).when(confirm())).toMatchObject({
        code: 'PAYMENT.NOT_FOUND',
        kind: 'not_found',
      });
    });
  });

  describe('ExpirePayment', () => {
    it('expires a payment still waiting for the gateway', () => {
      expect(given(paymentDecider, started).when(expire)).toEqual([expired]);
    });

    it('decides nothing on an expired payment', () => {
      expect(given(paymentDecider, started, expired).when(expire)).toEqual([]);
    });

    it.each([
      ['failed', [started, failed]],
      ['confirmed', [started, confirmed]],
    ] as const)('refuses a %s payment', (status, history) => {
      expect(given(paymentDecider, ...history).when(expire)).toEqual(
        expect.objectContaining({ code: 'PAYMENT.NOT_STARTED', kind: 'conflict', details: { status } }),
      );
    });

    it('refuses the word of another gateway than the intent’s: a sandbox page is no proof of Zarinpal money', () => {
      const zarinpalIntent: PaymentEvent = {
        type: 'PaymentStarted',
        data: { ...intent, gateway: 'zarinpal' },
      };
      for (const history of [[zarinpalIntent], [zarinpalIntent, expired]]) {
        expect(given(paymentDecider, ...history).when(confirm())).toEqual(
          expect.objectContaining({
            code: 'PAYMENT.WRONG_GATEWAY',
            kind: 'conflict',
            details: expect.objectContaining({ expected: 'zarinpal' }),
          }),
        );
      }
      expect(given(paymentDecider, zarinpalIntent).when(confirm({}, 'zarinpal'))).toEqual([confirmed]);
    });

    it('still confirms money taken after the intent expired', () => {
      expect(given(paymentDecider, started, expired).when(confirm())).toEqual([confirmed]);
    });

    it('takes a failure after the expiry as nothing new', () => {
      expect(given(paymentDecider, started, expired).when(fail())).toEqual([]);
    });
  });

  describe('FailPayment', () => {
    it('records why a started payment failed', () => {
      expect(given(paymentDecider, started).when(fail())).toEqual([failed]);
    });

    it('refuses a failure reported by another gateway than the intent’s', () => {
      expect(given(paymentDecider, started).when(fail('cancelled', 'zarinpal'))).toMatchObject({
        code: 'PAYMENT.WRONG_GATEWAY',
        details: { expected: 'sandbox' },
      });
    });

    it('answers a repeated failure with nothing', () => {
      expect(given(paymentDecider, started, failed).when(fail('again'))).toEqual([]);
    });

    it('refuses to fail a confirmed payment', () => {
      expect(given(paymentDecider, started, confirmed).when(fail())).toMatchObject({
        code: 'PAYMENT.ALREADY_CONFIRMED',
      });
    });

    it('needs a reason', () => {
      expect(given(paymentDecider, started).when(fail(' '))).toMatchObject({
        code: 'PAYMENT.REASON_REQUIRED',
        kind: 'invalid',
      });
    });

    it('knows no unknown payment', () => {
      expect(given(paymentDecider).when(fail())).toMatchObject({ code: 'PAYMENT.NOT_FOUND' });
    });
  });

  describe('RejectPaymentByFile', () => {
    it('records that the file refused a confirmed payment, once', () => {
      expect(given(paymentDecider, started, confirmed).when(reject)).toEqual([rejected]);
      expect(given(paymentDecider, started, confirmed, rejected).when(reject)).toEqual([]);
    });

    it.each([
      ['started', [started]],
      ['failed', [started, failed]],
    ])('refuses a %s payment', (status, history) => {
      expect(given(paymentDecider, ...history).when(reject)).toMatchObject({
        code: 'PAYMENT.NOT_CONFIRMED',
        details: { status },
      });
    });
  });
});
