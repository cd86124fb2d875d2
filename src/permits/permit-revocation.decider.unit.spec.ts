import { given } from '../../test/support/given.js';
import { fold } from '../event-store/command-handling/decider.js';
import { permitDecider } from './permit.decider.js';
import type { PermitEvent } from './permit.events.js';
import {
  command,
  events,
  foundationDue,
  history,
  inspected,
  liveStagesExcept,
  variant,
  violation,
  withData,
} from './permit.fixtures.js';
import type { PermitStage } from './permit.fixtures.js';

const SINCE_ISSUED: PermitStage[] = [
  'issued',
  'completion_requested',
  'renewal_requested',
  'renewal_paid',
  'inspected',
  'in_commission',
  'fine_due',
  'fine_paid',
  'expired',
  'completed',
  'demolition_ordered',
];
const NEVER_ISSUED = [
  ...liveStagesExcept(...SINCE_ISSUED),
  'withdrawn',
  'rejected',
] as const satisfies readonly PermitStage[];
const { code, reason, revokedAt } = events.revoked.data;
const revokedRefusal = {
  code: 'PERMIT.REVOKED',
  kind: 'conflict',
  details: { code, reason, revokedAt },
};

describe('a revoked permit (ابطال پروانه)', () => {
  describe('RecordPermitRevocation', () => {
    it.each(SINCE_ISSUED)('records the revoked document on a %s file', (stage) => {
      expect(given(permitDecider, ...history[stage]).when(command.RecordPermitRevocation)).toEqual([
        events.revoked,
      ]);
    });

    it('records a permit replaced by a document that is not valid, naming it', () => {
      const superseded = withData(command.RecordPermitRevocation, { supersededBy: 'HM9Z4T8W2Q' });
      expect(given(permitDecider, ...history.issued).when(superseded)).toEqual([
        { type: 'PermitRevoked', data: { ...events.revoked.data, supersededBy: 'HM9Z4T8W2Q' } },
      ]);
    });

    it.each([
      ['revoked', variant.revoked],
      ['issued again', variant.reissued],
    ])('records a document code once: on a file %s, it decides nothing', (_why, past) => {
      expect(given(permitDecider, ...past).when(command.RecordPermitRevocation)).toEqual([]);
    });

    it.each(NEVER_ISSUED)('refuses a %s file, which has no permit', (stage) => {
      expect(given(permitDecider, ...history[stage]).when(command.RecordPermitRevocation)).toMatchObject({
        code: 'PERMIT.NOT_ISSUED',
      });
    });

    it('refuses a time that is not an instant', () => {
      const late = withData(command.RecordPermitRevocation, { revokedAt: 'yesterday' });
      expect(given(permitDecider, ...history.issued).when(late)).toMatchObject({
        code: 'PERMIT.INVALID_TIME',
        details: { field: 'revokedAt' },
      });
    });

    it('keeps the status and records why', () => {
      expect(fold(permitDecider, variant.revoked)).toMatchObject({
        status: 'issued',
        revocation: { code, reason, revokedAt },
        revokedCodes: [code],
      });
    });
  });

  it('refuses completion, saying which document was revoked, when and why', () => {
    expect(given(permitDecider, ...variant.revoked).when(command.RequestCompletion)).toMatchObject({
      ...revokedRefusal,
      details: { ...revokedRefusal.details, status: 'issued' },
    });
  });

  it('refuses the completion certificate when revoked during completion', () => {
    const inspected = [...history.inspected, events.revoked];
    expect(given(permitDecider, ...inspected).when(command.IssueCompletionCertificate)).toMatchObject(
      revokedRefusal,
    );
    const finePaid = [...history.fine_paid, events.revoked];
    expect(given(permitDecider, ...finePaid).when(command.IssueCompletionCertificate)).toMatchObject(
      revokedRefusal,
    );
  });

  describe('a new permit', () => {
    const reissue = withData(command.IssuePermit, { at: events.reissued.data.issuedAt });

    it('is issued in place of the revoked one, with its own validity', () => {
      expect(given(permitDecider, ...variant.revoked).when(reissue)).toEqual([events.reissued]);
    });

    it('names the revoked permit document it replaces; a first permit replaces none', () => {
      expect(given(permitDecider, ...variant.revoked).when(reissue)).toMatchObject([
        { type: 'PermitIssued', data: { replaces: code } },
      ]);
      const [first] = given(permitDecider, ...history.paid).when(command.IssuePermit) as readonly object[];
      expect(first).toMatchObject({ type: 'PermitIssued' });
      expect(first).not.toHaveProperty('data.replaces');
    });

    it('clears the revocation, and completion may be requested again', () => {
      expect(fold(permitDecider, variant.reissued)).toMatchObject({
        status: 'issued',
        validity: { issuedAt: events.reissued.data.issuedAt, validUntil: events.reissued.data.validUntil },
        revocation: undefined,
        revokedCodes: [code],
      });
      expect(given(permitDecider, ...variant.reissued).when(command.RequestCompletion)).toEqual([
        events.completionRequested,
      ]);
    });

    it.each([
      ['a permit that stands', history.issued],
      ['a permit issued again', variant.reissued],
    ])('is refused for %s', (_why, past) => {
      expect(given(permitDecider, ...past).when(reissue)).toMatchObject({ code: 'PERMIT.ALREADY_ISSUED' });
    });

    // Where the file stood when its permit was revoked, and where the new permit leaves it.
    const stageViolations = [...foundationDue, inspected('foundation', 'violations')];
    const WHERE: readonly (readonly [string, readonly PermitEvent[], PermitStage])[] = [
      ['a renewal requested of an expired permit', history.renewal_requested, 'issued'],
      ['a renewal requested while valid', variant.renewalRequestedWhileValid, 'issued'],
      ['a stage inspected with violations', stageViolations, 'inspected'],
      ['a stage before the commission', [...stageViolations, events.referred], 'in_commission'],
      ['a stage fined', [...stageViolations, events.referred, events.finedRuling], 'fine_due'],
      [
        'a stage fine paid',
        [...stageViolations, events.referred, events.finedRuling, events.finePaid],
        'fine_paid',
      ],
      ['a completion inspection reported', history.inspected, 'inspected'],
      ['a completion inspection before the commission', history.in_commission, 'in_commission'],
      ['a completion fined', history.fine_due, 'fine_due'],
      ['a completion fine paid', history.fine_paid, 'fine_paid'],
    ];

    it.each(WHERE)('replaces a permit revoked on %s', (_where, past, status) => {
      const revokedThere = [...past, events.revoked];
      expect(given(permitDecider, ...revokedThere).when(reissue)).toEqual([events.reissued]);
      const after = fold(permitDecider, [...revokedThere, events.reissued]);
      expect(after).toMatchObject({ status, revocation: undefined, validity: { issuedAt: reissue.data.at } });
      expect(after).not.toHaveProperty('renewal', expect.anything());
    });

    it.each(WHERE.filter(([, , status]) => status !== 'issued'))(
      'keeps the violations found on %s: the file goes on where it was',
      (_where, past) => {
        const before = fold(permitDecider, past);
        const after = fold(permitDecider, [...past, events.revoked, events.reissued]);
        expect('inspection' in after && after.inspection).toEqual(
          'inspection' in before && before.inspection,
        );
        expect('ruling' in after && after.ruling).toEqual('ruling' in before && before.ruling);
      },
    );

    it('lets the commission path go on after the new permit: the stage fine is paid', () => {
      const fined = [
        ...stageViolations,
        events.referred,
        events.finedRuling,
        events.revoked,
        events.reissued,
      ];
      expect(fold(permitDecider, fined)).toMatchObject({ inspection: { violations: [violation] } });
      const fine = withData(command.RecordPayment, events.finePaid.data);
      expect(given(permitDecider, ...fined).when(fine)).toEqual([events.finePaid]);
    });

    it('lets the certificate be issued after the new permit, on a compliant completion inspection', () => {
      const past = [...history.inspected, events.revoked, events.reissued];
      expect(given(permitDecider, ...past).when(command.IssueCompletionCertificate)).toEqual([
        events.certificateIssued,
      ]);
    });

    it('refuses a new permit while a renewal fee is paid: the signatory renews instead', () => {
      const past = [...history.renewal_paid, events.revoked];
      expect(given(permitDecider, ...past).when(reissue)).toMatchObject({
        code: 'PERMIT.RENEWAL_PAID',
        kind: 'conflict',
        details: { status: 'renewal_paid', code },
      });
      const renewal = given(permitDecider, ...past).when(command.RenewPermit);
      expect(renewal).toEqual([{ ...events.renewed, data: { ...events.renewed.data, replaces: code } }]);
      const renewed = fold(permitDecider, [...past, ...(renewal as PermitEvent[])]);
      expect(renewed).toMatchObject({ status: 'issued', revocation: undefined, revokedCodes: [code] });
    });

    it('replaces a permit revoked once completion was requested, completion to be asked anew', () => {
      const past = [...history.completion_requested, events.revoked];
      expect(given(permitDecider, ...past).when(reissue)).toEqual([events.reissued]);
      expect(fold(permitDecider, [...past, events.reissued]).status).toBe('issued');
    });
  });
});
