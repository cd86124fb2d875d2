import { given } from '../../test/support/given.js';
import { permitDecider } from './permit.decider.js';
import {
  command,
  engineerId,
  engineeringOffice,
  events,
  history,
  liveStagesExcept,
  permitId,
  withData,
} from './permit.fixtures.js';
import type { PermitCommand } from './permit.commands.js';
import type { PermitEvent } from './permit.events.js';

/** The map order is issued, and nobody is nominated yet. */
const unnominated = history.awaiting_design.filter((e) => e.type !== 'EngineerNominated');
const nominated = (nominee: { organisation: string; engineerId?: string }): PermitEvent => ({
  type: 'EngineerNominated',
  data: { permitId, nominee },
});
/** The applicant's nomination with some of its facts changed; `undefined` leaves a field out. */
const nominate = (change: Partial<Record<keyof NominationData, unknown>>): PermitCommand => {
  const data = { ...command.NominateEngineer.data, ...change } as Record<string, unknown>;
  for (const key of Object.keys(data)) if (data[key] === undefined) delete data[key];
  return { type: 'NominateEngineer', data: data as NominationData };
};
type NominationData = Extract<PermitCommand, { type: 'NominateEngineer' }>['data'];

const NOMINATING = [
  'draft',
  'submitted',
  'under_review',
  'returned',
  'surveying',
  'surveyed',
  'awaiting_design',
  'design_returned',
] as const;

describe('permit engineer nomination', () => {
  describe('NominateEngineer', () => {
    it('nominates an engineer of an engineering office once the map order is issued', () => {
      expect(given(permitDecider, ...unnominated).when(command.NominateEngineer)).toEqual([
        events.engineerNominated,
      ]);
    });

    it.each(NOMINATING)('lets the applicant nominate, or nominate again, in a %s file', (stage) => {
      const office = nominate({
        engineerId: undefined,
        organisation: 'other-office',
        organisationKnown: true,
      });
      expect(given(permitDecider, ...history[stage]).when(office)).toEqual([
        nominated({ organisation: 'other-office' }),
      ]);
    });

    it('decides nothing when the same nominee is nominated again', () => {
      expect(given(permitDecider, ...history.awaiting_design).when(command.NominateEngineer)).toEqual([]);
    });

    it('nominates an engineer in their only office, or in the office named', () => {
      const inTwo = { engineerOffices: ['office-a', 'office-b'] };
      expect(given(permitDecider, ...unnominated).when(nominate({ engineerOffices: ['office-a'] }))).toEqual([
        nominated({ organisation: 'office-a', engineerId }),
      ]);
      const named = nominate({ ...inTwo, organisation: 'office-b', organisationKnown: true });
      expect(given(permitDecider, ...unnominated).when(named)).toEqual([
        nominated({ organisation: 'office-b', engineerId }),
      ]);
      expect(given(permitDecider, ...unnominated).when(nominate(inTwo))).toMatchObject({
        code: 'PERMIT.INVALID_NOMINEE',
        details: { field: 'organisation' },
      });
    });

    it.each([
      ['nobody', { engineerId: undefined }, 'engineerId'],
      ['someone who is no (active) engineer', { engineerOffices: [] }, 'engineerId'],
      [
        'an office the engineer does not work for',
        { organisation: 'office-b', organisationKnown: true },
        'organisation',
      ],
      [
        'an office that is not an active engineering office',
        { engineerId: undefined, organisation: 'bank-1' },
        'organisation',
      ],
      ['an empty engineer id', { engineerId: '' }, 'nominee.engineerId'],
    ] as const)('refuses %s', (_, change, field) => {
      expect(given(permitDecider, ...unnominated).when(nominate(change))).toMatchObject({
        code: 'PERMIT.INVALID_NOMINEE',
        kind: 'invalid',
        details: { field },
      });
    });

    it.each(liveStagesExcept(...NOMINATING))(
      'refuses a %s file, whose design was made by the engineer nominated then',
      (stage) => {
        expect(given(permitDecider, ...history[stage]).when(command.NominateEngineer)).toMatchObject({
          code: 'PERMIT.NOMINATION_CLOSED',
          kind: 'conflict',
          details: { status: stage },
        });
      },
    );
  });

  describe('SubmitDesign by the nominee only', () => {
    it('refuses every engineer while nobody is nominated', () => {
      expect(given(permitDecider, ...unnominated).when(command.SubmitDesign)).toMatchObject({
        code: 'PERMIT.NOT_NOMINATED_ENGINEER',
        kind: 'forbidden',
      });
    });

    it('refuses another engineer of the nominated office when the applicant named one', () => {
      const colleague = withData(command.SubmitDesign, { engineerId: 'engineer-2' });
      expect(given(permitDecider, ...history.awaiting_design).when(colleague)).toMatchObject({
        code: 'PERMIT.NOT_NOMINATED_ENGINEER',
        kind: 'forbidden',
      });
    });

    it('refuses the named engineer acting for another office', () => {
      const elsewhere = withData(command.SubmitDesign, { organisation: 'other-office' });
      expect(given(permitDecider, ...history.awaiting_design).when(elsewhere)).toMatchObject({
        code: 'PERMIT.NOT_NOMINATED_ENGINEER',
      });
    });

    it('takes the design of any engineer of an office nominated without naming one', () => {
      const office = nominated({ organisation: engineeringOffice });
      const colleague = withData(command.SubmitDesign, { engineerId: 'engineer-2' });
      expect(given(permitDecider, ...unnominated, office).when(colleague)).toEqual([
        { type: 'DesignSubmitted', data: { ...events.designSubmitted.data, engineerId: 'engineer-2' } },
      ]);
    });

    it('refuses the engineer nominated before, once the applicant nominated another', () => {
      const other = nominated({ organisation: engineeringOffice, engineerId: 'engineer-2' });
      expect(
        given(permitDecider, ...history.design_returned, other).when(command.SubmitDesign),
      ).toMatchObject({ code: 'PERMIT.NOT_NOMINATED_ENGINEER' });
    });
  });
});
