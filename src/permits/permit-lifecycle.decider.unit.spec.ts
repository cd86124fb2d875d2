import { given } from '../../test/support/given.js';
import { fold } from '../event-store/command-handling/decider.js';
import type { PermitCommandType } from './permit.commands.js';
import { permitDecider } from './permit.decider.js';
import { PERMIT_EVENT_TYPES, permitStream } from './permit.events.js';
import { command, events, history, STAGES, variant, withData } from './permit.fixtures.js';
import { CLOSED_STATUSES } from './permit.state.js';

const ALL_COMMANDS = Object.keys(command) as PermitCommandType[];

describe('permit lifecycle', () => {
  it('names the stream and every event type', () => {
    expect(permitStream('p-1')).toBe('permit-p-1');
    expect(PERMIT_EVENT_TYPES).toHaveLength(32);
    expect(new Set(PERMIT_EVENT_TYPES).size).toBe(32);
  });

  it.each(STAGES)('folds the %s history to its status', (stage) => {
    expect(fold(permitDecider, history[stage]).status).toBe(stage);
  });

  it('carries what later decisions need', () => {
    expect(fold(permitDecider, history.fine_due)).toMatchObject({
      applicantNationalId: '0013542419',
      clerkId: 'clerk-1',
      surveyorId: 'surveyor-1',
      attachments: expect.arrayContaining([expect.objectContaining({ kind: 'site_plan' })]),
      mapOrder: { ruleSetVersion: 1, limits: expect.objectContaining({ maxFloors: 3 }) },
      fees: { total: 844_800_000 },
      validity: { validUntil: '2028-04-01T08:30:00.000Z' },
      inspection: { compliant: false },
      ruling: { ruling: 'fine', fineAmount: 300_000_000 },
      payments: [expect.objectContaining({ reference: 'BANK-1', purpose: 'fees' })],
    });
  });

  it('leaves the state as it is for an event its status does not allow', () => {
    const state = fold(permitDecider, history.draft);
    expect(permitDecider.evolve(state, events.issued)).toBe(state);
  });

  it.each(ALL_COMMANDS.filter((type) => type !== 'OpenPermitDraft'))(
    'refuses %s on a file that does not exist',
    (type) => {
      expect(given(permitDecider).when(command[type])).toMatchObject({
        code: 'PERMIT.NOT_FOUND',
        kind: 'not_found',
        details: { permitId: 'permit-0001' },
      });
    },
  );

  describe.each(CLOSED_STATUSES)('a %s file', (stage) => {
    const repeated: readonly PermitCommandType[] = ['RecordPayment', 'AssessFees', 'ExpirePermit'];
    // A revoked permit document is recorded on a closed file too (permit-completion.decider spec).
    const facts: readonly PermitCommandType[] = ['OpenPermitDraft', 'RecordPermitRevocation'];
    // An expired permit is renewable (permit-renewal.decider spec).
    const renewable: readonly PermitCommandType[] = stage === 'expired' ? ['RequestRenewal'] : [];
    it.each(
      ALL_COMMANDS.filter((type) => ![...facts, ...renewable].includes(type) && !repeated.includes(type)),
    )('refuses %s', (type) => {
      expect(given(permitDecider, ...history[stage]).when(command[type])).toMatchObject({
        code: 'PERMIT.CLOSED',
        kind: 'conflict',
        details: { status: stage },
      });
    });

    it('refuses a payment it has not seen', () => {
      const payment = withData(command.RecordPayment, { reference: 'BANK-NEW' });
      expect(given(permitDecider, ...history[stage]).when(payment)).toMatchObject({ code: 'PERMIT.CLOSED' });
    });

    it('cannot be opened again', () => {
      expect(given(permitDecider, ...history[stage]).when(command.OpenPermitDraft)).toMatchObject({
        code: 'PERMIT.ALREADY_EXISTS',
      });
    });
  });

  describe('commands already carried out decide nothing, even on a closed file', () => {
    it.each([
      ['the fee payment, once completed', history.completed],
      ['the fee payment, once withdrawn', variant.withdrawnAfterFees],
      ['the fee payment, once expired', history.expired],
    ])('repeats %s', (_why, past) => {
      expect(given(permitDecider, ...past).when(command.RecordPayment)).toEqual([]);
    });

    it('repeats the fine payment after the certificate', () => {
      const fine = { type: 'RecordPayment' as const, data: events.finePaid.data };
      expect(given(permitDecider, ...variant.completedAfterFine).when(fine)).toEqual([]);
    });

    it('assesses nothing again on a closed file that has its fees', () => {
      expect(given(permitDecider, ...history.completed).when(command.AssessFees)).toEqual([]);
      expect(given(permitDecider, ...variant.withdrawnAfterFees).when(command.AssessFees)).toEqual([]);
    });

    it('refuses to assess the fees of a file closed before', () => {
      expect(given(permitDecider, ...history.withdrawn).when(command.AssessFees)).toMatchObject({
        code: 'PERMIT.CLOSED',
      });
    });

    it('expires an expired permit again to no effect', () => {
      expect(given(permitDecider, ...history.expired).when(command.ExpirePermit)).toEqual([]);
    });

    it.each(['completed', 'demolition_ordered', 'withdrawn', 'rejected'] as const)(
      'refuses to expire a %s file',
      (stage) => {
        expect(given(permitDecider, ...history[stage]).when(command.ExpirePermit)).toMatchObject({
          code: 'PERMIT.CLOSED',
        });
      },
    );
  });
});
