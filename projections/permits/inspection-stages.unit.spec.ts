import type { PermitEvent } from '../../src/permits/permit.events.js';
import { inspectionStageChanges, type InspectionStagesOnFile } from './inspection-stages.js';

const permitId = 'permit-1';
const plan = [
  { stage: 'foundation', deadlineDays: 7 },
  { stage: 'completion', deadlineDays: 10 },
] as const;
const issued: PermitEvent = {
  type: 'PermitIssued',
  data: {
    permitId,
    issuedAt: '2026-04-01T08:30:00.000Z',
    validUntil: '2028-04-01T08:30:00.000Z',
    inspectionStages: plan,
  },
};
const assigned = (stage: 'foundation' | 'completion'): PermitEvent => ({
  type: 'InspectionAssigned',
  data: { permitId, stage, inspectorId: 'inspector-1', dueBy: '2026-04-08T08:30:00.000Z' },
});
const inspected: PermitEvent = {
  type: 'StageInspected',
  data: {
    permitId,
    stage: 'foundation',
    inspectorId: 'inspector-1',
    findings: 'as designed',
    photos: [],
    result: 'compliant',
    violations: [],
  },
};
type StageEvent = Parameters<typeof inspectionStageChanges>[1];
const fold = (events: readonly PermitEvent[]) =>
  events.reduce<InspectionStagesOnFile>(
    (doc, event) => ({
      ...doc,
      ...inspectionStageChanges(doc, event as StageEvent, '2026-04-02T00:00:00.000Z'),
    }),
    {},
  );

describe('a file’s inspection stages in the permits read model', () => {
  it('shows the stage under way with its inspector and deadline, for the worklist', () => {
    expect(fold([issued, assigned('foundation')])).toMatchObject({
      inspectionStage: 'foundation',
      inspectorId: 'inspector-1',
      inspectionDueBy: '2026-04-08T08:30:00.000Z',
    });
  });

  it('moves to the next stage, unassigned, once a stage is inspected', () => {
    const doc = fold([issued, assigned('foundation'), inspected]);
    expect(doc).toMatchObject({
      inspectionStage: 'completion',
      inspectorId: undefined,
      inspectionDueBy: undefined,
    });
    expect(doc.inspectionStages?.[0]?.inspection).toMatchObject({
      result: 'compliant',
      inspectedAt: expect.any(String),
    });
  });

  it('keeps the stages inspected when the permit is issued again', () => {
    const doc = fold([issued, assigned('foundation'), inspected, issued]);
    expect(doc.inspectionStages?.[0]?.inspection).toBeDefined();
    expect(doc.inspectionStage).toBe('completion');
  });

  it('leaves a file issued without stages alone', () => {
    const { inspectionStages: _, ...plain } = issued.data as { inspectionStages: unknown };
    expect(fold([{ ...issued, data: plain } as PermitEvent, assigned('foundation')])).toEqual({});
  });
});
