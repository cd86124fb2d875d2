import { given } from '../../test/support/given.js';
import { fold } from '../event-store/command-handling/decider.js';
import { permitDecider } from './permit.decider.js';
import type { PermitEvent } from './permit.events.js';
import {
  assigned,
  command,
  completionDue,
  engineerId,
  events,
  foundationDue,
  foundationFinePaid,
  history,
  inspected,
  inspectorId,
  issuedWithStages,
  municipality,
  permitId,
  plan,
  roofDue,
  staged,
  violation,
  withData,
} from './permit.fixtures.js';

const e = events;
const inspectStage = (changes: Partial<(typeof command.InspectStage)['data']>) =>
  withData(command.InspectStage, changes);
const statusAfter = (history: readonly PermitEvent[]) => fold(permitDecider, [...history]).status;

describe('inspections during construction', () => {
  describe('IssuePermit', () => {
    it('records the rule set’s inspection stages on the permit', () => {
      const issue = withData(command.IssuePermit, { inspectionStages: plan });
      expect(given(permitDecider, ...history.paid).when(issue)).toEqual([issuedWithStages]);
    });

    it('records none when the rule set names none, as before stages', () => {
      expect(given(permitDecider, ...history.paid).when(command.IssuePermit)).toEqual([e.issued]);
    });
  });

  describe('AssignInspector', () => {
    it('assigns the first stage, due its deadline days after', () => {
      expect(given(permitDecider, ...staged).when(command.AssignInspector)).toEqual([
        {
          type: 'InspectionAssigned',
          data: { permitId, stage: 'foundation', inspectorId, dueBy: '2026-04-08T08:30:00.000Z' },
        },
      ]);
    });

    it('assigns the next stage once one is inspected', () => {
      const history = [...foundationDue, inspected('foundation')];
      expect(given(permitDecider, ...history).when(command.AssignInspector)).toMatchObject([
        { type: 'InspectionAssigned', data: { stage: 'roof', dueBy: '2026-04-06T08:30:00.000Z' } },
      ]);
    });

    it('decides nothing for the inspector assigned already, and reassigns to another', () => {
      expect(given(permitDecider, ...foundationDue).when(command.AssignInspector)).toEqual([]);
      const other = withData(command.AssignInspector, { inspectorId: 'inspector-9' });
      expect(given(permitDecider, ...foundationDue).when(other)).toMatchObject([
        { type: 'InspectionAssigned', data: { stage: 'foundation', inspectorId: 'inspector-9' } },
      ]);
    });

    it('takes an inspector limited to the file’s region', () => {
      const inspector = {
        disabled: false,
        grants: [{ role: 'inspector', municipality, regions: ['2'] }],
      } as const;
      const assign = withData(command.AssignInspector, { inspector, region: '2' });
      expect(given(permitDecider, ...staged).when(assign)).toHaveLength(1);
    });

    it.each([
      ['no such user', undefined],
      ['a surveyor', { disabled: false, grants: [{ role: 'surveyor', municipality }] }],
      ['a disabled inspector', { disabled: true, grants: [{ role: 'inspector', municipality }] }],
      [
        'another city’s inspector',
        { disabled: false, grants: [{ role: 'inspector', municipality: 'qazvin' }] },
      ],
      [
        'another region’s inspector',
        { disabled: false, grants: [{ role: 'inspector', municipality, regions: ['1'] }] },
      ],
    ] as const)('refuses %s', (_, inspector) => {
      const assign = withData(command.AssignInspector, { inspector, region: '2' });
      expect(given(permitDecider, ...staged).when(assign)).toMatchObject({
        code: 'PERMIT.NOT_AN_INSPECTOR',
        kind: 'invalid',
      });
    });

    it.each([
      ['a permit issued without stages', history.issued],
      ['a file not issued', history.paid],
      ['a file before the commission', [...foundationDue, inspected('foundation', 'violations')]],
      ['every stage inspected', [...completionDue, e.completionRequested, e.inspectedCompliant]],
    ])('refuses %s', (_, history) => {
      expect(given(permitDecider, ...history).when(command.AssignInspector)).toMatchObject({
        code: 'PERMIT.NO_INSPECTION_DUE',
        kind: 'conflict',
      });
    });

    it('refuses a time that is not an instant', () => {
      const assign = withData(command.AssignInspector, { at: 'soon' });
      expect(given(permitDecider, ...staged).when(assign)).toMatchObject({ code: 'PERMIT.INVALID_TIME' });
    });
  });

  describe('ReportEngineerStage (گزارش مهندس ناظر)', () => {
    it('records the nominated engineer’s report on the current stage', () => {
      expect(given(permitDecider, ...foundationDue).when(command.ReportEngineerStage)).toEqual([
        {
          type: 'EngineerStageReported',
          data: {
            permitId,
            stage: 'foundation',
            engineerId,
            summary: 'The foundation is poured as designed',
          },
        },
      ]);
    });

    it('keeps the attachments named', () => {
      const attachments = ['a'.repeat(64)];
      const report = withData(command.ReportEngineerStage, { attachments });
      expect(given(permitDecider, ...foundationDue).when(report)).toMatchObject([{ data: { attachments } }]);
    });

    it('refuses a stage that is not under way', () => {
      const report = withData(command.ReportEngineerStage, { stage: 'roof' });
      expect(given(permitDecider, ...foundationDue).when(report)).toMatchObject({
        code: 'PERMIT.NOT_CURRENT_STAGE',
        kind: 'conflict',
        details: { stage: 'roof' },
      });
    });

    it.each([
      ['another engineer', { engineerId: 'engineer-2' }],
      ['an engineer of another office', { engineerOffices: ['other-office'] }],
    ])('refuses %s', (_, changes) => {
      const report = withData(command.ReportEngineerStage, changes);
      expect(given(permitDecider, ...foundationDue).when(report)).toMatchObject({
        code: 'PERMIT.NOT_NOMINATED_ENGINEER',
        kind: 'forbidden',
      });
    });

    it.each([
      ['an empty summary', { summary: ' ' }, 'summary'],
      ['an attachment that is not a SHA-256', { attachments: ['deed.pdf'] }, 'attachments'],
    ])('refuses %s', (_, changes, field) => {
      const report = withData(command.ReportEngineerStage, changes);
      expect(given(permitDecider, ...foundationDue).when(report)).toMatchObject({
        code: 'PERMIT.INVALID_STAGE_REPORT',
        kind: 'invalid',
        details: { field },
      });
    });
  });

  describe('InspectStage', () => {
    it('records a compliant stage; the file stays issued', () => {
      expect(
        given(permitDecider, ...foundationDue).when(inspectStage({ findings: 'as found on site' })),
      ).toEqual([inspected('foundation')]);
      expect(statusAfter([...foundationDue, inspected('foundation')])).toBe('issued');
    });

    it('records violations, which the clerk refers to the Article 100 commission', () => {
      const found = inspectStage({
        result: 'violations',
        violations: [violation],
        findings: 'as found on site',
      });
      expect(given(permitDecider, ...foundationDue).when(found)).toEqual([
        inspected('foundation', 'violations'),
      ]);
      const after = [...foundationDue, inspected('foundation', 'violations')];
      expect(statusAfter(after)).toBe('inspected');
      expect(given(permitDecider, ...after).when(command.ReferToCommission)).toEqual([e.referred]);
    });

    it.each([
      ['another inspector', [...foundationDue], { inspectorId: 'inspector-9' }],
      ['no inspector assigned', staged, {}],
    ])('refuses %s', (_, history, changes) => {
      expect(given(permitDecider, ...history).when(inspectStage(changes))).toMatchObject({
        code: 'PERMIT.NOT_ASSIGNED_INSPECTOR',
        kind: 'forbidden',
      });
    });

    it.each([
      ['a later stage', foundationDue, 'roof'],
      ['the completion stage, inspected on request', completionDue, 'completion'],
      ['a stage inspected already', roofDue, 'foundation'],
    ] as const)('refuses %s', (_, history, stage) => {
      expect(given(permitDecider, ...history).when(inspectStage({ stage }))).toMatchObject({
        code: 'PERMIT.NOT_CURRENT_STAGE',
        kind: 'conflict',
      });
    });

    it.each([
      ['violations without one named', { result: 'violations' }, 'PERMIT.VIOLATIONS_REQUIRED'],
      ['a compliant stage with violations', { violations: [violation] }, 'PERMIT.INVALID_INSPECTION'],
      ['no findings', { findings: '' }, 'PERMIT.INVALID_INSPECTION'],
      ['a photo that is not a SHA-256', { photos: ['photo.jpg'] }, 'PERMIT.INVALID_INSPECTION'],
    ] as const)('refuses %s', (_, changes, code) => {
      expect(given(permitDecider, ...foundationDue).when(inspectStage(changes))).toMatchObject({
        code,
        kind: 'invalid',
      });
    });
  });

  describe('the commission’s fine paid, construction goes on', () => {
    it('returns the file to issued when the next stage is assigned', () => {
      expect(given(permitDecider, ...foundationFinePaid).when(command.AssignInspector)).toMatchObject([
        { type: 'InspectionAssigned', data: { stage: 'roof' } },
      ]);
      expect(statusAfter([...foundationFinePaid, assigned('roof')])).toBe('issued');
    });

    it('refuses the certificate while stages are left', () => {
      expect(
        given(permitDecider, ...foundationFinePaid).when(command.IssueCompletionCertificate),
      ).toMatchObject({
        code: 'PERMIT.STAGE_NOT_INSPECTED',
        details: { stage: 'roof' },
      });
    });
  });

  describe('completion with stages', () => {
    it('refuses RequestCompletion while a stage before completion is not inspected', () => {
      expect(given(permitDecider, ...roofDue).when(command.RequestCompletion)).toMatchObject({
        code: 'PERMIT.STAGE_NOT_INSPECTED',
        kind: 'conflict',
        details: { stage: 'roof' },
      });
    });

    it.each([
      ['found', [...foundationDue, inspected('foundation', 'violations')]],
      ['before the commission', [...foundationDue, inspected('foundation', 'violations'), e.referred]],
      ['with its fine paid', foundationFinePaid],
    ])('refuses RequestCompletion while a stage’s violations are %s, naming them', (_, given_) => {
      expect(given(permitDecider, ...given_).when(command.RequestCompletion)).toMatchObject({
        code: 'PERMIT.VIOLATIONS_PENDING',
        kind: 'conflict',
      });
    });

    it('requests completion once the stages before it are inspected', () => {
      expect(given(permitDecider, ...completionDue).when(command.RequestCompletion)).toEqual([
        e.completionRequested,
      ]);
    });

    it('takes the completion inspection from the inspector assigned only', () => {
      const requested = [...completionDue, e.completionRequested];
      expect(given(permitDecider, ...requested).when(command.ReportInspection)).toEqual([
        e.inspectedCompliant,
      ]);
      const other = withData(command.ReportInspection, { inspectorId: 'inspector-9' });
      expect(given(permitDecider, ...requested).when(other)).toMatchObject({
        code: 'PERMIT.NOT_ASSIGNED_INSPECTOR',
        kind: 'forbidden',
      });
    });

    it('issues the certificate after every stage, a fine paid on the way', () => {
      const cycle = [
        ...foundationFinePaid,
        assigned('roof'),
        inspected('roof'),
        assigned('completion'),
        e.completionRequested,
        e.inspectedCompliant,
      ];
      expect(given(permitDecider, ...cycle).when(command.IssueCompletionCertificate)).toEqual([
        e.certificateIssued,
      ]);
    });

    it('lets any inspector report on a file issued without stages, as before', () => {
      const other = withData(command.ReportInspection, { inspectorId: 'inspector-9' });
      expect(given(permitDecider, ...history.completion_requested).when(other)).toMatchObject([
        { type: 'InspectionReported', data: { inspectorId: 'inspector-9' } },
      ]);
    });
  });

  describe('a permit revoked after completion was requested', () => {
    const revokedRequested = [...completionDue, e.completionRequested, e.revoked];
    const reissue = withData(command.IssuePermit, { at: e.reissued.data.issuedAt });

    it('is issued again, completion to be asked anew, the stages inspected kept', () => {
      expect(given(permitDecider, ...revokedRequested).when(reissue)).toEqual([e.reissued]);
      const after = [...revokedRequested, e.reissued];
      expect(fold(permitDecider, after)).toMatchObject({
        status: 'issued',
        inspectedStages: ['foundation', 'roof'],
        inspectionPlan: plan,
      });
      const request = withData(command.RequestCompletion, { at: '2027-01-01T00:00:00.000Z' });
      expect(given(permitDecider, ...after).when(request)).toEqual([e.completionRequested]);
    });

    it('is not issued again while the permit stands', () => {
      expect(given(permitDecider, ...completionDue, e.completionRequested).when(reissue)).toMatchObject({
        code: 'PERMIT.ALREADY_ISSUED',
      });
    });
  });

  describe('a revoked permit (ابطال پروانه)', () => {
    const { code } = e.revoked.data;
    const revokedRefusal = { code: 'PERMIT.REVOKED', kind: 'conflict', details: { code } };

    it.each([
      ['InspectStage', command.InspectStage],
      ['ReportEngineerStage', command.ReportEngineerStage],
      ['AssignInspector', command.AssignInspector],
    ] as const)('refuses %s until a new permit is issued', (_name, when) => {
      expect(given(permitDecider, ...foundationDue, e.revoked).when(when)).toMatchObject(revokedRefusal);
      expect(given(permitDecider, ...foundationDue, e.revoked, e.reissued).when(when)).not.toBeInstanceOf(
        Error,
      );
    });

    it('leaves the system nothing to assign, not a refusal to retry', () => {
      const system = withData(command.AssignInspector, { unassignedOnly: true });
      expect(given(permitDecider, ...staged, e.revoked).when(system)).toEqual([]);
    });

    it('refuses the completion inspection', () => {
      const past = [...completionDue, e.completionRequested, e.revoked];
      const report = withData(command.ReportInspection, { inspectorId });
      expect(given(permitDecider, ...past).when(report)).toMatchObject(revokedRefusal);
    });
  });
});
