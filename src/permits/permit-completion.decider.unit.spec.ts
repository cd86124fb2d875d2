import { given } from '../../test/support/given.js';
import { permitDecider } from './permit.decider.js';
import {
  command,
  events,
  fineAmount,
  history,
  liveStagesExcept,
  validUntil,
  variant,
  withData,
  type PermitStage,
} from './permit.fixtures.js';

const BEFORE_ISSUE = liveStagesExcept(
  'issued',
  'completion_requested',
  'renewal_requested',
  'renewal_paid',
  'inspected',
  'in_commission',
  'fine_due',
  'fine_paid',
);
const COMPLETION_UNDER_WAY: PermitStage[] = [
  'completion_requested',
  'inspected',
  'in_commission',
  'fine_due',
  'fine_paid',
];
const finePayment = { type: 'RecordPayment' as const, data: events.finePaid.data };

describe('permit validity and completion', () => {
  describe('ExpirePermit', () => {
    it.each([validUntil, '2028-04-01T08:30:00Z', '2029-01-01T00:00:00.000Z'])(
      'expires an issued permit at %s',
      (at) => {
        expect(given(permitDecider, ...history.issued).when(withData(command.ExpirePermit, { at }))).toEqual([
          events.expired,
        ]);
      },
    );

    it('leaves a permit that is still valid', () => {
      const early = withData(command.ExpirePermit, { at: '2028-04-01T08:29:59.999Z' });
      expect(given(permitDecider, ...history.issued).when(early)).toEqual([]);
    });

    it.each(COMPLETION_UNDER_WAY)('leaves a %s permit, whose building is finished', (stage) => {
      expect(given(permitDecider, ...history[stage]).when(command.ExpirePermit)).toEqual([]);
    });

    it.each(BEFORE_ISSUE)('refuses a %s file', (stage) => {
      expect(given(permitDecider, ...history[stage]).when(command.ExpirePermit)).toMatchObject({
        code: 'PERMIT.NOT_ISSUED',
        kind: 'conflict',
      });
    });

    it('refuses a time that is not an instant', () => {
      const expire = withData(command.ExpirePermit, { at: 'tomorrow' });
      expect(given(permitDecider, ...history.issued).when(expire)).toMatchObject({
        code: 'PERMIT.INVALID_TIME',
        kind: 'invalid',
        details: { field: 'at' },
      });
    });
  });

  describe('RequestCompletion', () => {
    it('requests completion while the permit is valid', () => {
      expect(given(permitDecider, ...history.issued).when(command.RequestCompletion)).toEqual([
        events.completionRequested,
      ]);
    });

    it('refuses once the validity has run out, though not yet recorded', () => {
      const late = withData(command.RequestCompletion, { at: validUntil });
      expect(given(permitDecider, ...history.issued).when(late)).toMatchObject({
        code: 'PERMIT.EXPIRED',
        kind: 'conflict',
        details: { validUntil },
      });
    });

    it.each(BEFORE_ISSUE)('refuses a %s file', (stage) => {
      expect(given(permitDecider, ...history[stage]).when(command.RequestCompletion)).toMatchObject({
        code: 'PERMIT.NOT_ISSUED',
      });
    });

    it.each(COMPLETION_UNDER_WAY)('refuses a %s file', (stage) => {
      expect(given(permitDecider, ...history[stage]).when(command.RequestCompletion)).toMatchObject({
        code: 'PERMIT.COMPLETION_ALREADY_REQUESTED',
      });
    });

    it('refuses a time that is not an instant', () => {
      const request = withData(command.RequestCompletion, { at: '2027-13-01T00:00:00Z' });
      expect(given(permitDecider, ...history.issued).when(request)).toMatchObject({
        code: 'PERMIT.INVALID_TIME',
      });
    });
  });

  describe('ReportInspection', () => {
    it('records a compliant building', () => {
      expect(given(permitDecider, ...history.completion_requested).when(command.ReportInspection)).toEqual([
        events.inspectedCompliant,
      ]);
    });

    it('records the violations found', () => {
      const report = { type: 'ReportInspection' as const, data: events.inspectedWithViolations.data };
      expect(given(permitDecider, ...history.completion_requested).when(report)).toEqual([
        events.inspectedWithViolations,
      ]);
    });

    it('refuses a non-compliant report that names no violation', () => {
      const report = withData(command.ReportInspection, { compliant: false });
      expect(given(permitDecider, ...history.completion_requested).when(report)).toMatchObject({
        code: 'PERMIT.VIOLATIONS_REQUIRED',
        kind: 'invalid',
      });
    });

    it.each([
      ['a compliant report with violations', true, [{ description: 'balcony' }], 'violations'],
      ['a violation without description', false, [{ description: ' ' }], 'violations.0'],
      ['a violation of no area', false, [{ description: 'balcony', areaM2: 0 }], 'violations.0'],
      ['a violation with a bad photo', false, [{ description: 'balcony', photos: ['x'] }], 'violations.0'],
    ])('refuses %s', (_why, compliant, violations, field) => {
      const report = withData(command.ReportInspection, { compliant, violations });
      expect(given(permitDecider, ...history.completion_requested).when(report)).toMatchObject({
        code: 'PERMIT.INVALID_INSPECTION',
        details: { field },
      });
    });

    it.each(liveStagesExcept('completion_requested'))('refuses a %s file', (stage) => {
      expect(given(permitDecider, ...history[stage]).when(command.ReportInspection)).toMatchObject({
        code: 'PERMIT.NOT_AWAITING_INSPECTION',
        kind: 'conflict',
      });
    });
  });

  describe('ReferToCommission', () => {
    it('refers a file with violations to the Article 100 commission', () => {
      expect(
        given(permitDecider, ...variant.inspectedWithViolations).when(command.ReferToCommission),
      ).toEqual([events.referred]);
    });

    it('refuses a compliant building', () => {
      expect(given(permitDecider, ...history.inspected).when(command.ReferToCommission)).toMatchObject({
        code: 'PERMIT.NO_VIOLATIONS',
      });
    });

    it.each(['in_commission', 'fine_due', 'fine_paid'] as const)('refuses a %s file', (stage) => {
      expect(given(permitDecider, ...history[stage]).when(command.ReferToCommission)).toMatchObject({
        code: 'PERMIT.ALREADY_REFERRED',
      });
    });

    it.each(liveStagesExcept('inspected', 'in_commission', 'fine_due', 'fine_paid'))(
      'refuses a %s file',
      (stage) => {
        expect(given(permitDecider, ...history[stage]).when(command.ReferToCommission)).toMatchObject({
          code: 'PERMIT.NOT_INSPECTED',
        });
      },
    );
  });

  describe('RecordCommissionRuling', () => {
    it('records a fine', () => {
      expect(given(permitDecider, ...history.in_commission).when(command.RecordCommissionRuling)).toEqual([
        events.finedRuling,
      ]);
    });

    it('records a demolition order, with notes', () => {
      const data = { ...events.demolitionRuling.data, notes: 'the fourth floor' };
      const rule = { type: 'RecordCommissionRuling' as const, data };
      expect(given(permitDecider, ...history.in_commission).when(rule)).toEqual([
        { type: 'CommissionRuled', data },
      ]);
    });

    it.each([
      ['a fine of no amount', { fineAmount: undefined }, 'fineAmount'],
      ['a fine of 0', { fineAmount: 0 }, 'fineAmount'],
      ['a demolition with a fine', { ruling: 'demolition' as const }, 'fineAmount'],
      ['no reference', { reference: ' ' }, 'reference'],
      ['blank notes', { notes: '' }, 'notes'],
      ['another ruling', { ruling: 'warning' as 'fine' }, 'ruling'],
    ])('refuses %s', (_why, change, field) => {
      const rule = withData(command.RecordCommissionRuling, change);
      expect(given(permitDecider, ...history.in_commission).when(rule)).toMatchObject({
        code: 'PERMIT.INVALID_RULING',
        kind: 'invalid',
        details: { field },
      });
    });

    it.each(liveStagesExcept('in_commission'))('refuses a %s file', (stage) => {
      expect(given(permitDecider, ...history[stage]).when(command.RecordCommissionRuling)).toMatchObject({
        code: 'PERMIT.NOT_IN_COMMISSION',
      });
    });
  });

  describe('RecordPayment of a fine', () => {
    it('records the fine paid in full', () => {
      expect(given(permitDecider, ...history.fine_due).when(finePayment)).toEqual([events.finePaid]);
    });

    it('records it once', () => {
      expect(given(permitDecider, ...history.fine_paid).when(finePayment)).toEqual([]);
    });

    it('refuses another payment of a paid fine', () => {
      const again = withData(finePayment, { reference: 'CASH-8' });
      expect(given(permitDecider, ...history.fine_paid).when(again)).toMatchObject({
        code: 'PERMIT.ALREADY_PAID',
      });
    });

    it('refuses a part of the fine', () => {
      const part = withData(finePayment, { amount: fineAmount / 2 });
      expect(given(permitDecider, ...history.fine_due).when(part)).toMatchObject({
        code: 'PAYMENT.AMOUNT_MISMATCH',
        details: { expected: fineAmount },
      });
    });

    it('refuses the reference of the fee payment', () => {
      const reused = withData(finePayment, { reference: 'BANK-1' });
      expect(given(permitDecider, ...history.fine_due).when(reused)).toMatchObject({
        code: 'PAYMENT.REFERENCE_USED',
        kind: 'conflict',
        details: { purpose: 'fees' },
      });
    });

    it.each(liveStagesExcept('fine_due', 'fine_paid'))('refuses a fine for a %s file', (stage) => {
      expect(given(permitDecider, ...history[stage]).when(finePayment)).toMatchObject({
        code: 'PERMIT.NO_FINE_DUE',
      });
    });
  });

  describe('IssueCompletionCertificate', () => {
    const certificate = [events.certificateIssued];

    it('issues the certificate for a compliant building', () => {
      expect(given(permitDecider, ...history.inspected).when(command.IssueCompletionCertificate)).toEqual(
        certificate,
      );
    });

    it('issues it once the commission’s fine is paid', () => {
      expect(given(permitDecider, ...history.fine_paid).when(command.IssueCompletionCertificate)).toEqual(
        certificate,
      );
    });

    it('records the time in canonical form', () => {
      const issue = withData(command.IssueCompletionCertificate, { at: '2028-02-01T09:00:00Z' });
      expect(given(permitDecider, ...history.inspected).when(issue)).toEqual(certificate);
    });

    it.each([
      ['with violations', variant.inspectedWithViolations],
      ['before the commission', history.in_commission],
    ])('refuses a building %s', (_why, past) => {
      expect(given(permitDecider, ...past).when(command.IssueCompletionCertificate)).toMatchObject({
        code: 'PERMIT.NOT_COMPLIANT',
        kind: 'conflict',
      });
    });

    it('refuses while the fine is unpaid', () => {
      expect(
        given(permitDecider, ...history.fine_due).when(command.IssueCompletionCertificate),
      ).toMatchObject({
        code: 'PERMIT.FINE_UNPAID',
        details: { outstanding: fineAmount },
      });
    });

    it.each(liveStagesExcept('inspected', 'in_commission', 'fine_due', 'fine_paid'))(
      'refuses a %s file',
      (stage) => {
        expect(
          given(permitDecider, ...history[stage]).when(command.IssueCompletionCertificate),
        ).toMatchObject({
          code: 'PERMIT.NOT_INSPECTED',
        });
      },
    );

    it('refuses a time that is not an instant', () => {
      const issue = withData(command.IssueCompletionCertificate, { at: '' });
      expect(given(permitDecider, ...history.inspected).when(issue)).toMatchObject({
        code: 'PERMIT.INVALID_TIME',
      });
    });
  });
});
