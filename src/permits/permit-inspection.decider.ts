import { DomainError } from '../shared/domain-error.js';
import type { Grant } from '../identity/roles.js';
import type { InspectionStage } from '../rule-sets/rule-set.js';
import { type Command, conflict, type Decision, type LiveState, revoked } from './permit-decision.js';
import { inspectionProblem, invalidTime, stageRecordProblem } from './permit-inputs.js';
import { canonicalInstant } from './permit-time.js';
import type { PermitCommand } from './permit.commands.js';
import { currentStage, type ExistingPermitState, type IssuedFile } from './permit.state.js';

export type InspectionCommand = Extract<
  PermitCommand,
  { readonly type: 'AssignInspector' | 'ReportEngineerStage' | 'InspectStage' }
>;

const DAY_MS = 86_400_000;

export type InspectorCandidate = {
  readonly userId: string;
  readonly disabled: boolean;
  readonly grants: readonly Grant[];
};

/** Whether the user is an active inspector (بازرس ساختمان) for the municipality's region. */
export function inspectsHere(
  user: InspectorCandidate,
  municipality: string,
  region: string | undefined,
): boolean {
  return (
    !user.disabled &&
    user.grants.some(
      (g) =>
        g.role === 'inspector' &&
        g.municipality === municipality &&
        (!g.regions?.length || (region !== undefined && g.regions.includes(region))),
    )
  );
}

/** The permit file's inspections during construction, stage by stage, before the completion inspection. */
export function decideInspection(command: InspectionCommand, state: LiveState): Decision {
  switch (command.type) {
    case 'AssignInspector':
      return assignInspector(command, state);
    case 'ReportEngineerStage':
      return reportEngineerStage(command, state);
    case 'InspectStage':
      return inspectStage(command, state);
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

function assignInspector(command: Command<'AssignInspector'>, state: LiveState): Decision {
  const { permitId, inspectorId, inspector, region, at, unassignedOnly } = command.data;
  const assignedAt = canonicalInstant(at);
  if (assignedAt === undefined) return invalidTime('at');
  // Like a surveyor's, an inspector's grant may be limited to some of the municipality's regions.
  if (!inspector || !inspectsHere({ ...inspector, userId: inspectorId }, state.municipality, region)) {
    const message = `User ${inspectorId} is not an active inspector of the file's municipality and region`;
    return new DomainError('PERMIT.NOT_AN_INSPECTOR', message, 'invalid', { inspectorId });
  }
  const halted = inspectionsHalted(state);
  // The system assigns what is due, and finds nothing due on a file whose inspections wait.
  if (halted) return unassignedOnly ? [] : halted;
  const stage = 'validity' in state ? currentStage(state) : undefined;
  if (!stage || !['issued', 'completion_requested', 'fine_paid'].includes(state.status))
    return conflict('PERMIT.NO_INSPECTION_DUE', 'No stage of the file awaits an inspector', state);
  const assigned = 'validity' in state ? state.inspectionAssignment : undefined;
  if (assigned?.stage === stage.stage && (unassignedOnly || assigned.inspectorId === inspectorId)) return [];
  const dueBy = new Date(Date.parse(assignedAt) + stage.deadlineDays * DAY_MS).toISOString();
  return [{ type: 'InspectionAssigned', data: { permitId, stage: stage.stage, inspectorId, dueBy } }];
}

function reportEngineerStage(command: Command<'ReportEngineerStage'>, state: LiveState): Decision {
  const { permitId, stage, engineerId, summary, attachments, engineerOffices } = command.data;
  const problem = stageRecordProblem(
    'PERMIT.INVALID_STAGE_REPORT',
    { field: 'summary', value: summary },
    { field: 'attachments', value: attachments ?? [] },
  );
  if (problem) return problem;
  if (!isSupervisingEngineer(state, engineerId, engineerOffices)) {
    const message = 'Only the engineer the applicant nominated reports on the stages';
    return new DomainError('PERMIT.NOT_NOMINATED_ENGINEER', message, 'forbidden');
  }
  const halted = inspectionsHalted(state);
  if (halted) return halted;
  if (!['issued', 'completion_requested'].includes(state.status) || !isCurrent(state, stage))
    return notCurrent(state, stage);
  const data = { permitId, stage, engineerId, summary, ...(attachments?.length ? { attachments } : {}) };
  return [{ type: 'EngineerStageReported', data }];
}

function inspectStage(command: Command<'InspectStage'>, state: LiveState): Decision {
  const { permitId, stage, inspectorId, findings, photos, result, violations } = command.data;
  const problem =
    stageRecordProblem(
      'PERMIT.INVALID_INSPECTION',
      { field: 'findings', value: findings },
      { field: 'photos', value: photos },
    ) ?? inspectionProblem(result === 'compliant', violations);
  if (problem) return problem;
  const halted = inspectionsHalted(state);
  if (halted) return halted;
  // The completion stage is inspected the way it always was: asked for, then ReportInspection.
  if (state.status !== 'issued' || stage === 'completion' || !isCurrent(state, stage))
    return notCurrent(state, stage);
  const assigned = 'validity' in state ? state.inspectionAssignment : undefined;
  if (assigned?.stage !== stage || assigned.inspectorId !== inspectorId) return notAssigned();
  const data = { permitId, stage, inspectorId, findings, photos, result, violations };
  return [{ type: 'StageInspected', data }];
}

/**
 * Stage inspections and reports stop while the permit document is revoked, until a new permit is
 * issued, and while a renewal is under way, until it is renewed or withdrawn.
 */
function inspectionsHalted(state: LiveState): DomainError | undefined {
  if ('validity' in state && state.revocation) return revoked(state, state.revocation);
  if (state.status === 'renewal_requested' || state.status === 'renewal_paid') {
    const message = 'Stage inspections wait for the renewal: renew the permit, or withdraw the request';
    return conflict('PERMIT.RENEWAL_PENDING', message, state);
  }
  return undefined;
}

/** The nominated engineer, or any engineer of the office nominated; the designer on a file nominated to nobody. */
function isSupervisingEngineer(state: LiveState, engineerId: string, offices: readonly string[]): boolean {
  const { nominee } = state;
  if (!nominee) return 'design' in state && state.design.engineerId === engineerId;
  return offices.includes(nominee.organisation) && (nominee.engineerId ?? engineerId) === engineerId;
}

const isCurrent = (state: LiveState, stage: InspectionStage) =>
  'validity' in state && currentStage(state)?.stage === stage;

const notCurrent = (state: ExistingPermitState, stage: InspectionStage) =>
  conflict('PERMIT.NOT_CURRENT_STAGE', `The ${stage} stage is not the one under way`, state, { stage });

export const notAssigned = () =>
  new DomainError(
    'PERMIT.NOT_ASSIGNED_INSPECTOR',
    'Only the inspector assigned to the stage reports its inspection',
    'forbidden',
  );

/** Violations found at a stage (not at the completion inspection) go through the commission first. */
export function stageViolationsPending(state: IssuedFile & ExistingPermitState): DomainError | undefined {
  if (!('inspection' in state) || state.inspectedStages?.includes('completion')) return undefined;
  return conflict(
    'PERMIT.VIOLATIONS_PENDING',
    'The violations found at a stage go to the Article 100 commission and its ruling is carried out before completion',
    state,
  );
}

/**
 * The first stage of the file's plan not inspected, as a refusal: before completion is asked for,
 * the stages before completion; before the certificate, completion's too.
 */
export function stageNotInspected(
  state: IssuedFile & ExistingPermitState,
  beforeCompletion: boolean,
): DomainError | undefined {
  const stage = currentStage(state);
  if (!stage || (beforeCompletion && stage.stage === 'completion')) return undefined;
  return conflict('PERMIT.STAGE_NOT_INSPECTED', `The ${stage.stage} stage is not inspected`, state, {
    stage: stage.stage,
  });
}
