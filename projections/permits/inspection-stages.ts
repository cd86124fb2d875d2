import type { InspectionViolation, PermitEvent } from '../../src/permits/permit.events.js';
import type { InspectionStage, InspectionStagePlan } from '../../src/rule-sets/rule-set.js';

/** A stage inspected during construction (بازدید مرحله‌ای): its inspector and deadline, reports and result. */
export interface InspectionStageView {
  readonly stage: InspectionStage;
  readonly deadlineDays: number;
  readonly inspectorId?: string;
  readonly assignedAt?: string;
  readonly dueBy?: string;
  /** The supervising engineer's reports (گزارش مهندس ناظر), oldest first. */
  readonly engineerReports: readonly {
    readonly engineerId: string;
    readonly summary: string;
    readonly attachments?: readonly string[];
    readonly reportedAt: string;
  }[];
  readonly inspection?: {
    readonly inspectorId: string;
    readonly findings: string;
    readonly photos: readonly string[];
    readonly result: 'compliant' | 'violations';
    readonly violations: readonly InspectionViolation[];
    readonly inspectedAt: string;
  };
}

/**
 * A file's stages, and top-level for the inspectors' worklist: the stage under way, and once
 * assigned, its inspector and deadline. Absent on files issued without stages.
 */
export interface InspectionStagesOnFile {
  readonly inspectionStages?: readonly InspectionStageView[];
  readonly inspectionStage?: InspectionStage;
  readonly inspectorId?: string;
  readonly inspectionDueBy?: string;
}

type StageEvent = Extract<
  PermitEvent,
  {
    type:
      | 'PermitIssued'
      | 'InspectionAssigned'
      | 'EngineerStageReported'
      | 'StageInspected'
      | 'InspectionReported';
  }
>;

/** What a stage event changes in the file's stages; nothing on a file without them. */
export function inspectionStageChanges(
  doc: InspectionStagesOnFile,
  event: StageEvent,
  at: string,
): InspectionStagesOnFile {
  if (event.type === 'PermitIssued') {
    const plan = event.data.inspectionStages;
    return plan ? under(planned(doc.inspectionStages, plan)) : {};
  }
  const stages = doc.inspectionStages;
  if (!stages) return {};
  const update = (stage: InspectionStage, change: (view: InspectionStageView) => InspectionStageView) =>
    stages.map((view) => (view.stage === stage ? change(view) : view));
  switch (event.type) {
    case 'InspectionAssigned': {
      const { stage, inspectorId, dueBy } = event.data;
      return {
        inspectionStages: update(stage, (view) => ({ ...view, inspectorId, dueBy, assignedAt: at })),
        inspectionStage: stage,
        inspectorId,
        inspectionDueBy: dueBy,
      };
    }
    case 'EngineerStageReported': {
      const { stage, engineerId, summary, attachments } = event.data;
      const report = { engineerId, summary, ...(attachments ? { attachments } : {}), reportedAt: at };
      return {
        inspectionStages: update(stage, (view) => ({
          ...view,
          engineerReports: [...view.engineerReports, report],
        })),
      };
    }
    case 'StageInspected': {
      const { permitId: _, stage, ...inspection } = event.data;
      return under(update(stage, (view) => ({ ...view, inspection: { ...inspection, inspectedAt: at } })));
    }
    case 'InspectionReported': {
      const { inspectorId, violations, compliant } = event.data;
      const result = compliant ? 'compliant' : 'violations';
      const inspection = {
        inspectorId,
        findings: '',
        photos: [],
        result,
        violations,
        inspectedAt: at,
      } as const;
      return under(update('completion', (view) => ({ ...view, inspection })));
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/** The stages of a permit issued (again): those inspected already keep what was found. */
function planned(
  known: readonly InspectionStageView[] | undefined,
  plan: readonly InspectionStagePlan[],
): InspectionStageView[] {
  return plan.map(
    ({ stage, deadlineDays }) =>
      known?.find((view) => view.stage === stage) ?? { stage, deadlineDays, engineerReports: [] },
  );
}

/** The stages, and the one under way with its assignment if it has one; none once all are inspected. */
function under(stages: readonly InspectionStageView[]): InspectionStagesOnFile {
  const current = stages.find((view) => !view.inspection);
  return {
    inspectionStages: stages,
    inspectionStage: current?.stage,
    inspectorId: current?.inspectorId,
    inspectionDueBy: current?.dueBy,
  };
}
