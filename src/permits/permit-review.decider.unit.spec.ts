import { given } from '../../test/support/given.js';
import { demoRuleSet } from '../rule-sets/demo-rule-set.js';
import { mapOrderLimits } from './map-order-limits.js';
import { permitDecider } from './permit.decider.js';
import {
  command,
  events,
  history,
  liveStagesExcept,
  municipality,
  survey,
  surveyorGrants,
  surveyorId,
  withData,
} from './permit.fixtures.js';
import type { PermitStage } from './permit.fixtures.js';

const BEFORE_SUBMISSION: PermitStage[] = ['draft', 'returned'];
const PAST_REVIEW = liveStagesExcept('draft', 'returned', 'submitted', 'under_review', 'surveying');

describe('permit review', () => {
  describe('TakePermit', () => {
    it('lets a clerk take a submitted file', () => {
      expect(given(permitDecider, ...history.submitted).when(command.TakePermit)).toEqual([events.taken]);
    });

    it('lets another clerk take it over', () => {
      const take = withData(command.TakePermit, { clerkId: 'clerk-2' });
      expect(given(permitDecider, ...history.under_review).when(take)).toEqual([
        { type: 'PermitTaken', data: { ...events.taken.data, clerkId: 'clerk-2' } },
      ]);
    });

    it('takes nothing when the same clerk has it', () => {
      expect(given(permitDecider, ...history.under_review).when(command.TakePermit)).toEqual([]);
    });

    it.each(BEFORE_SUBMISSION)('refuses a %s file', (stage) => {
      expect(given(permitDecider, ...history[stage]).when(command.TakePermit)).toMatchObject({
        code: 'PERMIT.NOT_SUBMITTED',
        kind: 'conflict',
      });
    });

    it.each([...PAST_REVIEW, 'surveying' as const])('refuses a %s file', (stage) => {
      expect(given(permitDecider, ...history[stage]).when(command.TakePermit)).toMatchObject({
        code: 'PERMIT.NOT_UNDER_REVIEW',
        details: { status: stage },
      });
    });
  });

  describe('ReturnPermit', () => {
    it('returns the file with reasons per document and overall', () => {
      const reasons = [
        { documentKind: 'site_plan', reason: 'illegible scan' },
        { reason: 'sign every page' },
      ];
      const returning = withData(command.ReturnPermit, { reasons });
      expect(given(permitDecider, ...history.under_review).when(returning)).toEqual([
        { type: 'PermitReturned', data: { ...events.returned.data, reasons } },
      ]);
    });

    it.each([
      ['no reasons', []],
      ['a blank reason', [{ reason: ' ' }]],
      ['a reason too long', [{ reason: 'x'.repeat(2001) }]],
    ])('refuses %s', (_why, reasons) => {
      const returning = withData(command.ReturnPermit, { reasons });
      expect(given(permitDecider, ...history.under_review).when(returning)).toMatchObject({
        code: 'PERMIT.REASON_REQUIRED',
        kind: 'invalid',
      });
    });

    it('refuses a file no clerk has taken', () => {
      expect(given(permitDecider, ...history.submitted).when(command.ReturnPermit)).toMatchObject({
        code: 'PERMIT.NOT_TAKEN',
      });
    });

    it.each(BEFORE_SUBMISSION)('refuses a %s file', (stage) => {
      expect(given(permitDecider, ...history[stage]).when(command.ReturnPermit)).toMatchObject({
        code: 'PERMIT.NOT_SUBMITTED',
      });
    });

    it.each([...PAST_REVIEW, 'surveying' as const])('refuses a %s file', (stage) => {
      expect(given(permitDecider, ...history[stage]).when(command.ReturnPermit)).toMatchObject({
        code: 'PERMIT.NOT_UNDER_REVIEW',
      });
    });
  });

  describe('AssignSurveyor', () => {
    it('assigns a surveyor', () => {
      expect(given(permitDecider, ...history.under_review).when(command.AssignSurveyor)).toEqual([
        events.surveyorAssigned,
      ]);
    });

    it('assigns another surveyor before the visit', () => {
      const assign = withData(command.AssignSurveyor, { surveyorId: 'surveyor-3' });
      expect(given(permitDecider, ...history.surveying).when(assign)).toEqual([
        { type: 'SurveyorAssigned', data: { ...events.surveyorAssigned.data, surveyorId: 'surveyor-3' } },
      ]);
    });

    it('assigns nothing when the surveyor is assigned already', () => {
      expect(given(permitDecider, ...history.surveying).when(command.AssignSurveyor)).toEqual([]);
    });

    it.each([
      ['nobody', undefined],
      ['a disabled surveyor', { disabled: true, grants: surveyorGrants }],
      ['a user who is not a surveyor', { disabled: false, grants: [{ role: 'clerk', municipality }] }],
      [
        'a surveyor of another municipality',
        { disabled: false, grants: [{ role: 'surveyor', municipality: 'tehran' }] },
      ],
    ] as const)('refuses %s', (_why, surveyor) => {
      const assign = withData(command.AssignSurveyor, { surveyor });
      expect(given(permitDecider, ...history.under_review).when(assign)).toMatchObject({
        code: 'PERMIT.NOT_A_SURVEYOR',
        kind: 'invalid',
        details: { surveyorId },
      });
    });

    it('refuses a file no clerk has taken', () => {
      expect(given(permitDecider, ...history.submitted).when(command.AssignSurveyor)).toMatchObject({
        code: 'PERMIT.NOT_TAKEN',
      });
    });

    it.each(BEFORE_SUBMISSION)('refuses a %s file', (stage) => {
      expect(given(permitDecider, ...history[stage]).when(command.AssignSurveyor)).toMatchObject({
        code: 'PERMIT.NOT_SUBMITTED',
      });
    });

    it.each(PAST_REVIEW)('refuses a %s file', (stage) => {
      expect(given(permitDecider, ...history[stage]).when(command.AssignSurveyor)).toMatchObject({
        code: 'PERMIT.NOT_UNDER_REVIEW',
      });
    });
  });

  describe('ReportSiteVisit', () => {
    it('records the assigned surveyor’s findings', () => {
      expect(given(permitDecider, ...history.surveying).when(command.ReportSiteVisit)).toEqual([
        events.siteVisitReported,
      ]);
    });

    it('records a vacant parcel with no photos', () => {
      const bare = { ...survey, existingStructures: [], photos: [], streetWidthM: 0 };
      const report = withData(command.ReportSiteVisit, { survey: bare });
      expect(given(permitDecider, ...history.surveying).when(report)).toHaveLength(1);
    });

    it('refuses any other surveyor', () => {
      const report = withData(command.ReportSiteVisit, { surveyorId: 'surveyor-9' });
      expect(given(permitDecider, ...history.surveying).when(report)).toMatchObject({
        code: 'PERMIT.NOT_ASSIGNED_SURVEYOR',
        kind: 'forbidden',
      });
    });

    it.each([
      ['measuredAreaM2', { measuredAreaM2: 0 }],
      ['measuredAreaM2', { measuredAreaM2: 250.005 }],
      ['measuredAreaM2', { measuredAreaM2: Number.NaN }],
      ['streetWidthM', { streetWidthM: -1 }],
      ['streetWidthM', { streetWidthM: 501 }],
      ['existingStructures.0', { existingStructures: [{ floors: 0, areaM2: 10, description: 'shed' }] }],
      ['existingStructures.0', { existingStructures: [{ floors: 1, areaM2: 10, description: ' ' }] }],
      ['photos', { photos: ['not-a-hash'] }],
    ])('refuses a survey with an invalid %s', (field, change) => {
      const report = withData(command.ReportSiteVisit, { survey: { ...survey, ...change } });
      expect(given(permitDecider, ...history.surveying).when(report)).toMatchObject({
        code: 'PERMIT.INVALID_SURVEY',
        kind: 'invalid',
        details: { field: `survey.${field}` },
      });
    });

    it.each(liveStagesExcept('surveying'))('refuses a %s file', (stage) => {
      expect(given(permitDecider, ...history[stage]).when(command.ReportSiteVisit)).toMatchObject({
        code: 'PERMIT.NOT_SURVEYING',
        kind: 'conflict',
      });
    });
  });

  describe('IssueMapOrder', () => {
    it('issues the map order with the limits of the rule set on the measured area', () => {
      expect(given(permitDecider, ...history.surveyed).when(command.IssueMapOrder)).toEqual([
        events.mapOrderIssued,
      ]);
      expect(events.mapOrderIssued.data.limits).toEqual(mapOrderLimits(demoRuleSet, 'R2', survey));
    });

    it('refuses a zone the rule set does not know', () => {
      const issue = withData(command.IssueMapOrder, { zone: 'R9' });
      expect(given(permitDecider, ...history.surveyed).when(issue)).toMatchObject({
        code: 'RULESET.UNKNOWN_ZONE',
        details: { zone: 'R9', ruleSetVersion: 1 },
      });
    });

    it.each(['draft', 'submitted', 'under_review', 'returned', 'surveying'] as const)(
      'refuses a %s file',
      (stage) => {
        expect(given(permitDecider, ...history[stage]).when(command.IssueMapOrder)).toMatchObject({
          code: 'PERMIT.NOT_SURVEYED',
        });
      },
    );

    it.each(liveStagesExcept('draft', 'submitted', 'under_review', 'returned', 'surveying', 'surveyed'))(
      'refuses a second map order for a %s file',
      (stage) => {
        expect(given(permitDecider, ...history[stage]).when(command.IssueMapOrder)).toMatchObject({
          code: 'PERMIT.MAP_ORDER_ALREADY_ISSUED',
        });
      },
    );
  });
});
