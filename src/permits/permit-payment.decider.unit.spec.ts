import { given } from '../../test/support/given.js';
import type { FeeLineCode } from '../fees/calculate-fees.js';
import type { PermitEvent } from './permit.events.js';
import { permitDecider } from './permit.decider.js';
import {
  command,
  events,
  fees,
  history,
  liveStagesExcept,
  permitId,
  surplusFees,
  variant,
  withData,
  type PermitStage,
} from './permit.fixtures.js';

const WITH_FEES: PermitStage[] = [
  'fees_assessed',
  'paid',
  'issued',
  'completion_requested',
  'renewal_requested',
  'renewal_paid',
  'inspected',
  'in_commission',
  'fine_due',
  'fine_paid',
];
const PAID: PermitStage[] = WITH_FEES.filter((stage) => stage !== 'fees_assessed');
const BEFORE_FEES = liveStagesExcept(...WITH_FEES);
const ISSUED: PermitStage[] = PAID.filter((stage) => stage !== 'paid');

const overridden = (line: FeeLineCode, from: number, to: number, total: number): PermitEvent => ({
  type: 'FeeOverridden',
  data: { permitId, line, from, to, reason: 'council resolution 42', total },
});
const freeOfCharge = [...history.fees_assessed, overridden('PERMIT_FEE', fees.total, 0, 0)];
const payment = (amount: number, reference = 'BANK-2') =>
  withData(command.RecordPayment, { amount, reference });

describe('permit fees and payment', () => {
  it('assesses the fixtures’ fees as calculateFees does', () => {
    expect(fees).toMatchObject({ total: 844_800_000, lines: [{ code: 'PERMIT_FEE', amount: 844_800_000 }] });
    expect(surplusFees.lines.map((l) => l.code)).toEqual([
      'PERMIT_FEE',
      'DENSITY_SURPLUS',
      'PARKING_SHORTFALL',
    ]);
  });

  describe('AssessFees', () => {
    it('assesses the fees of an approved design', () => {
      expect(given(permitDecider, ...history.design_approved).when(command.AssessFees)).toEqual([
        events.feesAssessed,
      ]);
    });

    it.each(WITH_FEES)('assesses nothing again for a %s file', (stage) => {
      expect(given(permitDecider, ...history[stage]).when(command.AssessFees)).toEqual([]);
    });

    it.each([
      ['a total that is not the sum', { total: fees.total + 1 }, 'total'],
      ['a fractional amount', { lines: [{ ...fees.lines[0], amount: 0.5 }], total: 0.5 }, 'lines'],
      ['a negative amount', { lines: [{ ...fees.lines[0], amount: -1 }], total: -1 }, 'lines'],
      ['a line twice', { lines: [fees.lines[0], fees.lines[0]], total: 2 * fees.total }, 'lines'],
      ['rule-set version 0', { ruleSetVersion: 0 }, 'ruleSetVersion'],
    ])('refuses %s', (_why, change, field) => {
      const assess = withData(command.AssessFees, change as object);
      expect(given(permitDecider, ...history.design_approved).when(assess)).toMatchObject({
        code: 'PERMIT.INVALID_FEES',
        kind: 'invalid',
        details: { field },
      });
    });

    it.each(liveStagesExcept('design_approved', ...WITH_FEES))('refuses a %s file', (stage) => {
      expect(given(permitDecider, ...history[stage]).when(command.AssessFees)).toMatchObject({
        code: 'PERMIT.DESIGN_NOT_APPROVED',
        kind: 'conflict',
      });
    });
  });

  describe('OverrideFee', () => {
    it('changes a line with the reason, and the total with it', () => {
      expect(given(permitDecider, ...history.fees_assessed).when(command.OverrideFee)).toEqual([
        {
          type: 'FeeOverridden',
          data: {
            permitId,
            line: 'PERMIT_FEE',
            from: 844_800_000,
            to: 800_000_000,
            reason: 'discount of council resolution 42',
            total: 800_000_000,
          },
        },
      ]);
    });

    it('changes one line of several, leaving the others', () => {
      const shortfall = surplusFees.lines[2].amount;
      const waive = withData(command.OverrideFee, { line: 'PARKING_SHORTFALL', to: 0 });
      expect(given(permitDecider, ...variant.surplusFeesAssessed).when(waive)).toEqual([
        expect.objectContaining({
          data: expect.objectContaining({ from: shortfall, to: 0, total: surplusFees.total - shortfall }),
        }),
      ]);
    });

    it('changes the amount a payment must match', () => {
      const after = [
        ...history.fees_assessed,
        overridden('PERMIT_FEE', fees.total, 800_000_000, 800_000_000),
      ];
      expect(given(permitDecider, ...after).when(payment(fees.total))).toMatchObject({
        code: 'PAYMENT.AMOUNT_MISMATCH',
        details: { expected: 800_000_000 },
      });
      expect(given(permitDecider, ...after).when(payment(800_000_000))).toHaveLength(1);
    });

    it('changes nothing when the line has the amount already', () => {
      const same = withData(command.OverrideFee, { to: fees.total });
      expect(given(permitDecider, ...history.fees_assessed).when(same)).toEqual([]);
    });

    it.each([-1, 1.5, Number.NaN])('refuses an amount of %p', (to) => {
      expect(
        given(permitDecider, ...history.fees_assessed).when(withData(command.OverrideFee, { to })),
      ).toMatchObject({ code: 'PERMIT.INVALID_FEE_AMOUNT', kind: 'invalid' });
    });

    it('refuses a change without a reason', () => {
      expect(
        given(permitDecider, ...history.fees_assessed).when(withData(command.OverrideFee, { reason: ' ' })),
      ).toMatchObject({ code: 'PERMIT.REASON_REQUIRED', kind: 'invalid' });
    });

    it('refuses a line the fees do not have', () => {
      const override = withData(command.OverrideFee, { line: 'DENSITY_SURPLUS' });
      expect(given(permitDecider, ...history.fees_assessed).when(override)).toMatchObject({
        code: 'PERMIT.UNKNOWN_FEE_LINE',
        kind: 'invalid',
        details: { lines: ['PERMIT_FEE'] },
      });
    });

    it.each(BEFORE_FEES)('refuses a %s file', (stage) => {
      expect(given(permitDecider, ...history[stage]).when(command.OverrideFee)).toMatchObject({
        code: 'PERMIT.FEES_NOT_ASSESSED',
      });
    });

    it.each(PAID)('refuses a %s file, whose fees are paid', (stage) => {
      expect(given(permitDecider, ...history[stage]).when(command.OverrideFee)).toMatchObject({
        code: 'PERMIT.ALREADY_PAID',
        kind: 'conflict',
      });
    });
  });

  describe('RecordPayment of the fees', () => {
    it('records a payment of exactly the total', () => {
      expect(given(permitDecider, ...history.fees_assessed).when(command.RecordPayment)).toEqual([
        events.feesPaid,
      ]);
    });

    it('records the payment time in canonical form', () => {
      const pay = withData(command.RecordPayment, { paidAt: '2026-03-30T10:00:00Z' });
      expect(given(permitDecider, ...history.fees_assessed).when(pay)).toEqual([events.feesPaid]);
    });

    it('records a payment taken at a counter office’s desk, naming the office', () => {
      const desk = { channel: 'counter_desk' as const, office: 'counter-office-3' };
      expect(
        given(permitDecider, ...history.fees_assessed).when(withData(command.RecordPayment, desk)),
      ).toEqual([{ ...events.feesPaid, data: { ...events.feesPaid.data, ...desk } }]);
    });

    it('holds a desk payment to the exact amount due too', () => {
      const desk = withData(command.RecordPayment, {
        channel: 'counter_desk',
        office: 'counter-office-3',
        amount: fees.total - 1,
      });
      expect(given(permitDecider, ...history.fees_assessed).when(desk)).toMatchObject({
        code: 'PAYMENT.AMOUNT_MISMATCH',
        details: { expected: fees.total },
      });
    });

    it.each(PAID)('records a payment already recorded only once, in a %s file', (stage) => {
      expect(given(permitDecider, ...history[stage]).when(command.RecordPayment)).toEqual([]);
    });

    it.each(PAID)('refuses another payment in a %s file', (stage) => {
      expect(given(permitDecider, ...history[stage]).when(payment(fees.total))).toMatchObject({
        code: 'PERMIT.ALREADY_PAID',
        kind: 'conflict',
      });
    });

    it.each([fees.total - 1, fees.total + 1])('refuses %p rials', (amount) => {
      expect(given(permitDecider, ...history.fees_assessed).when(payment(amount))).toMatchObject({
        code: 'PAYMENT.AMOUNT_MISMATCH',
        kind: 'conflict',
        details: { expected: 844_800_000 },
      });
    });

    it.each(BEFORE_FEES)('refuses a payment for a %s file', (stage) => {
      expect(given(permitDecider, ...history[stage]).when(command.RecordPayment)).toMatchObject({
        code: 'PERMIT.FEES_NOT_ASSESSED',
      });
    });

    it.each([
      ['an amount of 0', { amount: 0 }, 'PAYMENT.INVALID_AMOUNT'],
      ['a fractional amount', { amount: 0.5 }, 'PAYMENT.INVALID_AMOUNT'],
      ['a blank reference', { reference: '' }, 'PAYMENT.INVALID_REFERENCE'],
      ['a time that is not an instant', { paidAt: '1405-01-10' }, 'PERMIT.INVALID_TIME'],
      ['another purpose', { purpose: 'dues' as 'fees' }, 'PAYMENT.INVALID_PURPOSE'],
      ['another channel', { channel: 'cheque' as 'cashier' }, 'PAYMENT.INVALID_CHANNEL'],
      ['a desk payment naming no office', { channel: 'counter_desk' as const }, 'PAYMENT.INVALID_OFFICE'],
      ['a cash-desk payment naming an office', { office: 'counter-office-3' }, 'PAYMENT.INVALID_OFFICE'],
    ])('refuses %s', (_why, change, code) => {
      const pay = withData(command.RecordPayment, change);
      expect(given(permitDecider, ...history.fees_assessed).when(pay)).toMatchObject({
        code,
        kind: 'invalid',
      });
    });
  });

  describe('IssuePermit', () => {
    it('issues a paid permit, valid for the rule set’s months', () => {
      expect(given(permitDecider, ...history.paid).when(command.IssuePermit)).toEqual([events.issued]);
    });

    it('counts months on the UTC calendar, to the end of a shorter month', () => {
      const issue = withData(command.IssuePermit, { at: '2027-01-31T20:00:00Z', validityMonths: 13 });
      expect(given(permitDecider, ...history.paid).when(issue)).toEqual([
        {
          type: 'PermitIssued',
          data: { permitId, issuedAt: '2027-01-31T20:00:00.000Z', validUntil: '2028-02-29T20:00:00.000Z' },
        },
      ]);
    });

    it('issues a permit whose fees were waived to nothing', () => {
      expect(given(permitDecider, ...freeOfCharge).when(command.IssuePermit)).toEqual([events.issued]);
    });

    it('refuses while fees are unpaid', () => {
      expect(given(permitDecider, ...history.fees_assessed).when(command.IssuePermit)).toMatchObject({
        code: 'PERMIT.FEES_UNPAID',
        kind: 'conflict',
        details: { outstanding: 844_800_000 },
      });
    });

    it.each(BEFORE_FEES)('refuses a %s file', (stage) => {
      expect(given(permitDecider, ...history[stage]).when(command.IssuePermit)).toMatchObject({
        code: 'PERMIT.FEES_NOT_ASSESSED',
      });
    });

    it.each(ISSUED)('refuses a %s permit', (stage) => {
      expect(given(permitDecider, ...history[stage]).when(command.IssuePermit)).toMatchObject({
        code: 'PERMIT.ALREADY_ISSUED',
      });
    });

    it.each([
      ['at', { at: '2026-04-01' }, 'PERMIT.INVALID_TIME'],
      ['at', { at: '2026-02-30T08:00:00Z' }, 'PERMIT.INVALID_TIME'],
      ['validityMonths', { validityMonths: 0 }, 'PERMIT.INVALID_VALIDITY'],
      ['validityMonths', { validityMonths: 1.5 }, 'PERMIT.INVALID_VALIDITY'],
    ])('refuses an invalid %s', (field, change, code) => {
      const issue = withData(command.IssuePermit, change);
      expect(given(permitDecider, ...history.paid).when(issue)).toMatchObject({
        code,
        kind: 'invalid',
        details: { field },
      });
    });
  });
});
