import { given } from '../../test/support/given.js';
import { permitDecider } from './permit.decider.js';
import {
  command,
  engineeringOffice,
  events,
  history,
  liveStagesExcept,
  permitId,
  withData,
} from './permit.fixtures.js';
import type { PermitEvent } from './permit.events.js';

/** The map order is issued, and nobody is nominated yet. */
const unnominated = history.awaiting_design.filter((e) => e.type !== 'EngineerNominated');
const nominated = (nominee: { organisation: string; engineerId?: string }): PermitEvent => ({
  type: 'EngineerNominated',
  data: { permitId, nominee },
});
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
      const office = withData(command.NominateEngineer, { nominee: { organisation: 'other-office' } });
      expect(given(permitDecider, ...history[stage]).when(office)).toEqual([
        nominated({ organisation: 'other-office' }),
      ]);
    });

    it('decides nothing when the same nominee is nominated again', () => {
      expect(given(permitDecider, ...history.awaiting_design).when(command.NominateEngineer)).toEqual([]);
    });

    it('refuses a nominee without an office, or with an empty engineer id', () => {
      const noOffice = withData(command.NominateEngineer, { nominee: { organisation: ' ' } });
      expect(given(permitDecider, ...unnominated).when(noOffice)).toMatchObject({
        code: 'PERMIT.INVALID_NOMINEE',
        kind: 'invalid',
        details: { field: 'nominee.organisation' },
      });
      const emptyEngineer = withData(command.NominateEngineer, {
        nominee: { organisation: engineeringOffice, engineerId: '' },
      });
      expect(given(permitDecider, ...unnominated).when(emptyEngineer)).toMatchObject({
        code: 'PERMIT.INVALID_NOMINEE',
        details: { field: 'nominee.engineerId' },
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
