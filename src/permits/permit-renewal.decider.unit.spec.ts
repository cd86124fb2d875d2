import { given } from '../../test/support/given.js';
import { fold } from '../event-store/command-handling/decider.js';
import { demoRuleSet } from '../rule-sets/demo-rule-set.js';
import { mapOrderLimits } from './map-order-limits.js';
import type { PermitCommand } from './permit.commands.js';
import { permitDecider } from './permit.decider.js';
import {
  assigned,
  command,
  events,
  foundationDue,
  history,
  inspected,
  issuedAt,
  limits,
  renewalFees,
  survey,
  validUntil,
  variant,
  withData,
  type PermitStage,
} from './permit.fixtures.js';

const renewed = (validity: { issuedAt: string; validUntil: string }) => [
  {
    type: 'PermitRenewed',
    data: {
      permitId: events.renewed.data.permitId,
      renews: { issuedAt, validUntil },
      validity,
      ruleSetVersion: 1,
    },
  },
];
const NEVER_ISSUED: PermitStage[] = [
  'draft',
  'submitted',
  'under_review',
  'returned',
  'surveying',
  'surveyed',
  'awaiting_design',
  'design_submitted',
  'design_returned',
  'design_approved',
  'fees_assessed',
  'paid',
];
const COMPLETION_UNDER_WAY: PermitStage[] = [
  'completion_requested',
  'inspected',
  'in_commission',
  'fine_due',
  'fine_paid',
];
const renewalPayment = {
  type: 'RecordPayment' as const,
  data: events.renewalPaid.data as Extract<PermitCommand, { type: 'RecordPayment' }>['data'],
};

describe('permit renewal (تمدید پروانه)', () => {
  describe('RequestRenewal', () => {
    it.each(['issued', 'expired'] as const)('asks the renewal fee of an %s permit', (stage) => {
      expect(given(permitDecider, ...history[stage]).when(command.RequestRenewal)).toEqual([
        events.renewalRequested,
      ]);
    });

    it('charges renewalFeePct of the permit fee line', () => {
      const [line] = renewalFees.lines;
      expect(renewalFees.lines).toHaveLength(1);
      expect(line).toMatchObject({ code: 'RENEWAL_FEE', amount: 84_480_000 });
    });

    it.each(COMPLETION_UNDER_WAY)('refuses a %s file: completion was requested', (stage) => {
      expect(given(permitDecider, ...history[stage]).when(command.RequestRenewal)).toMatchObject({
        code: 'PERMIT.COMPLETION_ALREADY_REQUESTED',
        kind: 'conflict',
        details: { status: stage },
      });
    });

    it.each(['completed', 'demolition_ordered', 'withdrawn', 'rejected'] as const)(
      'refuses a %s file as closed',
      (stage) => {
        expect(given(permitDecider, ...history[stage]).when(command.RequestRenewal)).toMatchObject({
          code: 'PERMIT.CLOSED',
        });
      },
    );

    it.each(NEVER_ISSUED)('refuses a %s file, which has no permit', (stage) => {
      expect(given(permitDecider, ...history[stage]).when(command.RequestRenewal)).toMatchObject({
        code: 'PERMIT.NOT_ISSUED',
      });
    });

    it.each(['renewal_requested', 'renewal_paid'] as const)(
      'refuses a second renewal on a %s file',
      (stage) => {
        expect(given(permitDecider, ...history[stage]).when(command.RequestRenewal)).toMatchObject({
          code: 'PERMIT.RENEWAL_ALREADY_REQUESTED',
        });
      },
    );

    const stageViolations = [...foundationDue, inspected('foundation', 'violations')];
    it.each([
      ['inspected', stageViolations],
      ['in_commission', [...stageViolations, events.referred]],
      ['fine_due', [...stageViolations, events.referred, events.finedRuling]],
      ['fine_paid', [...stageViolations, events.referred, events.finedRuling, events.finePaid]],
    ])('refuses a file at %s after a stage’s violations: they go to the commission first', (status, past) => {
      expect(given(permitDecider, ...past).when(command.RequestRenewal)).toMatchObject({
        code: 'PERMIT.VIOLATIONS_PENDING',
        kind: 'conflict',
        details: { status },
      });
    });

    it('refuses a revoked permit', () => {
      expect(given(permitDecider, ...variant.revoked).when(command.RequestRenewal)).toMatchObject({
        code: 'PERMIT.REVOKED',
        details: { code: events.revoked.data.code },
      });
    });

    it("sends the applicant to apply anew when the rule set in force changed the parcel's limits", () => {
      const stricter = { ...demoRuleSet, version: 2, zones: { ...demoRuleSet.zones } };
      stricter.zones['R2'] = {
        ...demoRuleSet.zones['R2']!,
        maxFloors: demoRuleSet.zones['R2']!.maxFloors - 1,
      };
      const limitsInForce = mapOrderLimits(stricter, 'R2', survey);
      const request = withData(command.RequestRenewal, { limitsInForce });
      expect(given(permitDecider, ...history.issued).when(request)).toMatchObject({
        code: 'PERMIT.RENEWAL_NEEDS_REVIEW',
        kind: 'conflict',
        details: { mapOrder: limits, inForce: limitsInForce },
      });
    });

    it('ignores a zone renamed with the same limits', () => {
      const request = withData(command.RequestRenewal, {
        limitsInForce: { ...limits, zoneNameFa: 'نام تازه' },
      });
      expect(given(permitDecider, ...history.issued).when(request)).toEqual([events.renewalRequested]);
    });

    it.each([
      ['a time that is not an instant', { at: 'tomorrow' }, 'PERMIT.INVALID_TIME'],
      ['a total that is not the sum', { fees: { ...renewalFees, total: 1 } }, 'PERMIT.INVALID_FEES'],
    ])('refuses %s', (_why, change, code) => {
      expect(
        given(permitDecider, ...history.issued).when(withData(command.RequestRenewal, change)),
      ).toMatchObject({
        code,
        kind: 'invalid',
      });
    });

    it('moves the file to renewal_requested, keeping the permit it renews', () => {
      const state = fold(permitDecider, history.renewal_requested);
      expect(state).toMatchObject({ status: 'renewal_requested', validity: { issuedAt, validUntil } });
    });
  });

  describe('RecordPayment of the renewal fee', () => {
    it('settles exactly the renewal fee', () => {
      expect(given(permitDecider, ...history.renewal_requested).when(renewalPayment)).toEqual([
        events.renewalPaid,
      ]);
      expect(fold(permitDecider, history.renewal_paid).status).toBe('renewal_paid');
    });

    it('refuses another amount, naming the one due', () => {
      const short = withData(renewalPayment, { amount: renewalFees.total - 1 });
      expect(given(permitDecider, ...history.renewal_requested).when(short)).toMatchObject({
        code: 'PAYMENT.AMOUNT_MISMATCH',
        details: { expected: renewalFees.total },
      });
    });

    it('refuses a second payment', () => {
      const again = withData(renewalPayment, { reference: 'BANK-10' });
      expect(given(permitDecider, ...history.renewal_paid).when(again)).toMatchObject({
        code: 'PERMIT.ALREADY_PAID',
      });
    });

    it.each(['issued', 'completion_requested'] as const)('refuses a renewal fee on a %s file', (stage) => {
      expect(given(permitDecider, ...history[stage]).when(renewalPayment)).toMatchObject({
        code: 'PERMIT.NO_RENEWAL_DUE',
      });
    });

    it('refuses the fees purpose for a renewal', () => {
      const asFees = withData(renewalPayment, { purpose: 'fees' });
      expect(given(permitDecider, ...history.renewal_requested).when(asFees)).toMatchObject({
        code: 'PERMIT.ALREADY_PAID',
      });
    });
  });

  describe('RenewPermit', () => {
    it('renews an expired permit from the renewal, for the rule set’s period', () => {
      expect(given(permitDecider, ...history.renewal_paid).when(command.RenewPermit)).toEqual([
        events.renewed,
      ]);
    });

    it('renews a permit still valid from its old end', () => {
      const early = withData(command.RenewPermit, { at: '2028-01-10T08:00:00.000Z' });
      const past = [...variant.renewalRequestedWhileValid, events.renewalPaid];
      expect(given(permitDecider, ...past).when(early)).toEqual(
        renewed({ issuedAt: '2028-01-10T08:00:00.000Z', validUntil: '2030-04-01T08:30:00.000Z' }),
      );
    });

    it('renews without payment when the fee is zero', () => {
      const free = withData(command.RequestRenewal, { fees: { ruleSetVersion: 1, lines: [], total: 0 } });
      const [requested] = given(permitDecider, ...history.expired).when(free) as readonly never[];
      expect(given(permitDecider, ...history.expired, requested!).when(command.RenewPermit)).toMatchObject([
        { type: 'PermitRenewed' },
      ]);
    });

    it('refuses an unpaid renewal fee, naming what is outstanding', () => {
      expect(given(permitDecider, ...history.renewal_requested).when(command.RenewPermit)).toMatchObject({
        code: 'PERMIT.RENEWAL_UNPAID',
        details: { outstanding: renewalFees.total },
      });
    });

    it.each(['issued', 'completion_requested'] as const)(
      'refuses a %s file: no renewal is requested',
      (stage) => {
        expect(given(permitDecider, ...history[stage]).when(command.RenewPermit)).toMatchObject({
          code: 'PERMIT.NO_RENEWAL_REQUESTED',
        });
      },
    );

    it('refuses an expired file with no renewal requested as closed', () => {
      expect(given(permitDecider, ...history.expired).when(command.RenewPermit)).toMatchObject({
        code: 'PERMIT.CLOSED',
      });
    });

    it('replaces a permit revoked while the renewal waited, naming the revoked document', () => {
      const past = [...history.renewal_paid, events.revoked];
      const { code } = events.revoked.data;
      expect(given(permitDecider, ...past).when(command.RenewPermit)).toEqual([
        { ...events.renewed, data: { ...events.renewed.data, replaces: code } },
      ]);
    });

    it.each([
      ['a time that is not an instant', { at: 'soon' }, 'PERMIT.INVALID_TIME'],
      ['a validity of no months', { validityMonths: 0 }, 'PERMIT.INVALID_VALIDITY'],
      ['a rule-set version of 0', { ruleSetVersion: 0 }, 'PERMIT.INVALID_RULE_SET_VERSION'],
    ])('refuses %s', (_why, change, code) => {
      expect(
        given(permitDecider, ...history.renewal_paid).when(withData(command.RenewPermit, change)),
      ).toMatchObject({
        code,
        kind: 'invalid',
      });
    });

    it('leaves the file issued under the new validity, so that completion may be requested', () => {
      const state = fold(permitDecider, variant.renewed);
      expect(state).toMatchObject({ status: 'issued', validity: events.renewed.data.validity });
      expect(state).not.toHaveProperty('renewal', expect.anything());
      const completion = withData(command.RequestCompletion, { at: '2029-06-01T08:00:00.000Z' });
      expect(given(permitDecider, ...variant.renewed).when(completion)).toEqual([events.completionRequested]);
    });

    it('refuses completion while the renewal is pending', () => {
      expect(given(permitDecider, ...history.renewal_paid).when(command.RequestCompletion)).toMatchObject({
        code: 'PERMIT.RENEWAL_PENDING',
      });
    });

    it('lets a renewed permit expire at its new end', () => {
      const expire = withData(command.ExpirePermit, { at: '2030-05-01T08:00:00.000Z' });
      expect(given(permitDecider, ...variant.renewed).when(expire)).toEqual([
        {
          type: 'PermitExpired',
          data: { permitId: events.expired.data.permitId, validUntil: '2030-05-01T08:00:00.000Z' },
        },
      ]);
    });
  });

  describe('WithdrawRenewal', () => {
    const beforeEnd = withData(command.WithdrawRenewal, { at: '2027-01-01T08:00:00.000Z' });

    it('gives up a renewal not paid, the permit still valid: the file is issued again', () => {
      const past = variant.renewalRequestedWhileValid;
      const withdrawn = {
        ...events.renewalWithdrawn,
        data: { ...events.renewalWithdrawn.data, expired: false },
      };
      expect(given(permitDecider, ...past).when(beforeEnd)).toEqual([withdrawn]);
      const after = fold(permitDecider, [...past, withdrawn]);
      expect(after).toMatchObject({ status: 'issued', validity: { validUntil } });
      expect(after).not.toHaveProperty('renewal', expect.anything());
    });

    it('gives up a renewal of an expired permit: the file is expired again, and may ask anew', () => {
      expect(given(permitDecider, ...history.renewal_requested).when(command.WithdrawRenewal)).toEqual([
        events.renewalWithdrawn,
      ]);
      const after = [...history.renewal_requested, events.renewalWithdrawn];
      expect(fold(permitDecider, after).status).toBe('expired');
      expect(given(permitDecider, ...after).when(command.RequestRenewal)).toEqual([events.renewalRequested]);
    });

    it('refuses a renewal paid: the signatory renews it, the fee not lost', () => {
      expect(given(permitDecider, ...history.renewal_paid).when(command.WithdrawRenewal)).toMatchObject({
        code: 'PERMIT.RENEWAL_PAID',
        kind: 'conflict',
      });
    });

    it.each([
      ['issued', 'PERMIT.NO_RENEWAL_REQUESTED'],
      ['completion_requested', 'PERMIT.NO_RENEWAL_REQUESTED'],
      ['draft', 'PERMIT.NO_RENEWAL_REQUESTED'],
      ['expired', 'PERMIT.CLOSED'],
      ['completed', 'PERMIT.CLOSED'],
    ] as const)('refuses a %s file', (stage, code) => {
      expect(given(permitDecider, ...history[stage]).when(command.WithdrawRenewal)).toMatchObject({ code });
    });

    it('refuses a time that is not an instant', () => {
      const when = withData(command.WithdrawRenewal, { at: 'now' });
      expect(given(permitDecider, ...history.renewal_requested).when(when)).toMatchObject({
        code: 'PERMIT.INVALID_TIME',
      });
    });
  });

  describe('a renewal requested while the permit runs out', () => {
    const expire = withData(command.ExpirePermit, { at: validUntil });

    it('expires the permit, dropping the renewal not paid; a renewal may be asked anew', () => {
      const past = variant.renewalRequestedWhileValid;
      expect(given(permitDecider, ...past).when(expire)).toEqual([events.expired]);
      const after = [...past, events.expired];
      expect(fold(permitDecider, after)).toMatchObject({ status: 'expired' });
      expect(fold(permitDecider, after)).not.toHaveProperty('renewal', expect.anything());
      expect(given(permitDecider, ...after).when(command.RequestRenewal)).toEqual([events.renewalRequested]);
    });

    it('does not expire it before its end', () => {
      const early = withData(command.ExpirePermit, { at: '2027-01-01T08:00:00.000Z' });
      expect(given(permitDecider, ...variant.renewalRequestedWhileValid).when(early)).toEqual([]);
    });

    it('does not expire a renewal paid: the signatory renews it', () => {
      const paid = [...variant.renewalRequestedWhileValid, events.renewalPaid];
      expect(given(permitDecider, ...paid).when(expire)).toEqual([]);
    });
  });

  describe('stage inspections while a renewal is under way', () => {
    const requested = [...foundationDue, events.renewalRequested];
    const paid = [...requested, events.renewalPaid];

    it.each([
      ['requested', requested],
      ['paid', paid],
    ])('wait for the renewal %s, with their own code', (_why, past) => {
      for (const when of [command.InspectStage, command.ReportEngineerStage, command.AssignInspector]) {
        expect(given(permitDecider, ...past).when(when)).toMatchObject({
          code: 'PERMIT.RENEWAL_PENDING',
          kind: 'conflict',
        });
      }
    });

    it('find nothing to assign by the system', () => {
      const system = withData(command.AssignInspector, { unassignedOnly: true });
      expect(given(permitDecider, ...requested).when(system)).toEqual([]);
    });

    it('go on once the renewal is withdrawn', () => {
      const withdrawn = [
        ...requested,
        { ...events.renewalWithdrawn, data: { ...events.renewalWithdrawn.data, expired: false } },
      ];
      expect(given(permitDecider, ...withdrawn).when(command.InspectStage)).toMatchObject([
        { type: 'StageInspected' },
      ]);
      expect(fold(permitDecider, [...withdrawn, inspected('foundation'), assigned('roof')]).status).toBe(
        'issued',
      );
    });
  });
});
