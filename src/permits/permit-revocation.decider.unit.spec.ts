import { given } from '../../test/support/given.js';
import { fold } from '../event-store/command-handling/decider.js';
import { permitDecider } from './permit.decider.js';
import { command, events, history, liveStagesExcept, variant, withData } from './permit.fixtures.js';
import type { PermitStage } from './permit.fixtures.js';

const SINCE_ISSUED: PermitStage[] = [
  'issued',
  'completion_requested',
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
      ['a permit revoked once completion was requested', [...history.completion_requested, events.revoked]],
    ])('is refused for %s', (_why, past) => {
      expect(given(permitDecider, ...past).when(reissue)).toMatchObject({ code: 'PERMIT.ALREADY_ISSUED' });
    });
  });
});
