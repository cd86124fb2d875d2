import { given } from '../../test/support/given.js';
import { checkDesign } from './design-check.js';
import { permitDecider } from './permit.decider.js';
import type { PermitEvent } from './permit.events.js';
import {
  command,
  compliantDesign,
  engineeringOffice,
  events,
  history,
  limits,
  liveStagesExcept,
  permitId,
  variant,
  violatingDesign,
  withData,
} from './permit.fixtures.js';

const BEFORE_MAP_ORDER = ['draft', 'submitted', 'under_review', 'returned', 'surveying', 'surveyed'] as const;
const violations = checkDesign(violatingDesign, limits);

describe('permit design', () => {
  describe('SubmitDesign', () => {
    it('records a design that complies, with no violations', () => {
      expect(given(permitDecider, ...history.awaiting_design).when(command.SubmitDesign)).toEqual([
        events.designSubmitted,
      ]);
    });

    it('records a design with the violations the check found', () => {
      const submit = withData(command.SubmitDesign, { design: violatingDesign });
      expect(given(permitDecider, ...history.awaiting_design).when(submit)).toEqual([
        events.violatingDesignSubmitted,
      ]);
    });

    it('takes a new design after one was returned, from another engineer the applicant nominated', () => {
      const submit = withData(command.SubmitDesign, { engineerId: 'engineer-2' });
      const renominated: PermitEvent = {
        type: 'EngineerNominated',
        data: { permitId, nominee: { organisation: engineeringOffice, engineerId: 'engineer-2' } },
      };
      expect(given(permitDecider, ...history.design_returned, renominated).when(submit)).toEqual([
        { type: 'DesignSubmitted', data: { ...events.designSubmitted.data, engineerId: 'engineer-2' } },
      ]);
    });

    describe.each([
      ['Extension', [{ rule: 'MAX_DENSITY', limit: 450, actual: 530 }]],
      ['Reconstruction', []],
      ['NewConstruction', []],
    ] as const)('for a %s', (applicationType, expected) => {
      // The surveyor measured a 90 m² house standing; the design adds 440 m² (450 m² allowed).
      const opened = { ...events.opened, data: { ...events.opened.data, applicationType } };
      const past = [opened, ...history.awaiting_design.slice(1)];

      it('counts the existing building towards the density only when it stays (an extension)', () => {
        const [submitted] = given(permitDecider, ...past).when(
          command.SubmitDesign,
        ) as readonly PermitEvent[];
        expect(submitted).toMatchObject({ type: 'DesignSubmitted', data: { violations: expected } });
      });
    });

    it("names the existing building's area in the violation", () => {
      const [violation] = checkDesign(compliantDesign, limits, 90);
      expect(violation?.message).toBe(
        "530 m² of floor area with the existing building's 90 m²; the density of 180 % allows at most 450 m²",
      );
    });

    it('refuses an impossible design', () => {
      const submit = withData(command.SubmitDesign, { design: { ...compliantDesign, floorAreasM2: [100] } });
      expect(given(permitDecider, ...history.awaiting_design).when(submit)).toMatchObject({
        code: 'PERMIT.INVALID_DESIGN',
        kind: 'invalid',
        details: { field: 'floorAreasM2' },
      });
    });

    it.each(BEFORE_MAP_ORDER)('refuses a %s file, which has no map order', (stage) => {
      expect(given(permitDecider, ...history[stage]).when(command.SubmitDesign)).toMatchObject({
        code: 'PERMIT.NO_MAP_ORDER',
        kind: 'conflict',
      });
    });

    it.each(liveStagesExcept(...BEFORE_MAP_ORDER, 'awaiting_design', 'design_returned'))(
      'refuses a %s file',
      (stage) => {
        expect(given(permitDecider, ...history[stage]).when(command.SubmitDesign)).toMatchObject({
          code: 'PERMIT.DESIGN_NOT_EXPECTED',
          details: { status: stage },
        });
      },
    );
  });

  describe('ReturnDesign', () => {
    it('returns the design with reasons', () => {
      expect(given(permitDecider, ...history.design_submitted).when(command.ReturnDesign)).toEqual([
        events.designReturned,
      ]);
    });

    it.each([[[]], [['fine', '']]])('refuses the reasons %p', (reasons) => {
      const returning = withData(command.ReturnDesign, { reasons });
      expect(given(permitDecider, ...history.design_submitted).when(returning)).toMatchObject({
        code: 'PERMIT.REASON_REQUIRED',
        kind: 'invalid',
      });
    });

    it.each(liveStagesExcept('design_submitted'))('refuses a %s file', (stage) => {
      expect(given(permitDecider, ...history[stage]).when(command.ReturnDesign)).toMatchObject({
        code: 'PERMIT.NO_DESIGN_TO_REVIEW',
      });
    });
  });

  describe('ApproveDesign', () => {
    it('approves a design that complies', () => {
      expect(given(permitDecider, ...history.design_submitted).when(command.ApproveDesign)).toEqual([
        events.designApproved,
      ]);
    });

    it('ignores an override reason when there is nothing to override', () => {
      const approve = withData(command.ApproveDesign, { overrideReason: 'just in case' });
      expect(given(permitDecider, ...history.design_submitted).when(approve)).toEqual([
        events.designApproved,
      ]);
    });

    it.each([undefined, '', '  '])('refuses a design with violations and the reason %p', (overrideReason) => {
      const approve = withData(command.ApproveDesign, { overrideReason });
      expect(given(permitDecider, ...variant.violatingDesignSubmitted).when(approve)).toMatchObject({
        code: 'PERMIT.DESIGN_VIOLATES_LIMITS',
        kind: 'conflict',
        details: { violations },
      });
    });

    it('approves a design with violations as an override, recording them and the reason', () => {
      const approve = withData(command.ApproveDesign, { overrideReason: 'commission 12 allowed it' });
      expect(given(permitDecider, ...variant.violatingDesignSubmitted).when(approve)).toEqual([
        {
          type: 'DesignApproved',
          data: { permitId, override: { violations, reason: 'commission 12 allowed it' } },
        },
      ]);
    });

    it('refuses an override reason too long to be one', () => {
      const approve = withData(command.ApproveDesign, { overrideReason: 'x'.repeat(2001) });
      expect(given(permitDecider, ...variant.violatingDesignSubmitted).when(approve)).toMatchObject({
        code: 'PERMIT.REASON_REQUIRED',
      });
    });

    it('judges the design submitted last', () => {
      const fixed = {
        ...events.designSubmitted,
        data: { ...events.designSubmitted.data, engineerId: 'e-2' },
      };
      const resubmitted = [...variant.violatingDesignSubmitted, events.designReturned, fixed];
      expect(given(permitDecider, ...resubmitted).when(command.ApproveDesign)).toEqual([
        events.designApproved,
      ]);
    });

    it.each(liveStagesExcept('design_submitted'))('refuses a %s file', (stage) => {
      expect(given(permitDecider, ...history[stage]).when(command.ApproveDesign)).toMatchObject({
        code: 'PERMIT.NO_DESIGN_TO_REVIEW',
        details: { status: stage },
      });
    });
  });
});
