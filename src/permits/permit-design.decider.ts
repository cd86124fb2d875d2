import { DomainError } from '../shared/domain-error.js';
import { checkDesign, designProblem } from './design-check.js';
import { type Decision, type LiveState, type Command, conflict } from './permit-decision.js';
import { reasonsProblem } from './permit-inputs.js';
import type { PermitCommand } from './permit.commands.js';
import type { EngineerNominee } from './permit.events.js';
import type { ExistingPermitState, SurveyedFile } from './permit.state.js';

export type DesignCommand = Extract<
  PermitCommand,
  { readonly type: 'SubmitDesign' | 'ReturnDesign' | 'ApproveDesign' }
>;

/** The permit file's phase of the design against the map order, and its review. */
export function decideDesign(command: DesignCommand, state: LiveState): Decision {
  const { permitId } = command.data;
  switch (command.type) {
    case 'SubmitDesign': {
      const { engineerId, organisation, design } = command.data;
      const problem = designProblem(design);
      if (problem) return problem;
      if (state.status !== 'awaiting_design' && state.status !== 'design_returned') {
        return 'mapOrder' in state
          ? conflict('PERMIT.DESIGN_NOT_EXPECTED', 'A design is under review or approved', state)
          : conflict('PERMIT.NO_MAP_ORDER', 'A design answers a map order, which is not issued yet', state);
      }
      const refusal = notNominated(state.nominee, engineerId, organisation);
      if (refusal) return refusal;
      const violations = checkDesign(design, state.mapOrder.limits, existingAreaM2(state));
      return [{ type: 'DesignSubmitted', data: { permitId, engineerId, organisation, design, violations } }];
    }
    case 'ReturnDesign': {
      const { reasons } = command.data;
      const problem = reasonsProblem(reasons, 'reasons');
      if (problem) return problem;
      if (state.status !== 'design_submitted') return noDesignToReview(state);
      return [{ type: 'DesignReturned', data: { permitId, reasons } }];
    }
    case 'ApproveDesign':
      return approveDesign(command, state);
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

function approveDesign(command: Command<'ApproveDesign'>, state: LiveState): Decision {
  const { permitId, overrideReason } = command.data;
  if (state.status !== 'design_submitted') return noDesignToReview(state);
  const { violations } = state.design;
  if (violations.length === 0) return [{ type: 'DesignApproved', data: { permitId } }];
  if (overrideReason === undefined || overrideReason.trim() === '') {
    return conflict(
      'PERMIT.DESIGN_VIOLATES_LIMITS',
      'The design violates the map order; approving it needs a written reason',
      state,
      { violations },
    );
  }
  return (
    reasonsProblem([overrideReason], 'overrideReason') ?? [
      { type: 'DesignApproved', data: { permitId, override: { violations, reason: overrideReason } } },
    ]
  );
}

const noDesignToReview = (state: ExistingPermitState) =>
  conflict('PERMIT.NO_DESIGN_TO_REVIEW', 'No submitted design awaits review', state);

/** Only the nominee submits the design: the engineer named, or any engineer of the office named. */
function notNominated(
  nominee: EngineerNominee | undefined,
  engineerId: string,
  organisation: string,
): DomainError | undefined {
  if (nominee?.organisation === organisation && (nominee.engineerId ?? engineerId) === engineerId) {
    return undefined;
  }
  const message = nominee
    ? 'Only the engineer the applicant nominated submits the design'
    : 'The applicant has not nominated an engineer for this file yet';
  return new DomainError('PERMIT.NOT_NOMINATED_ENGINEER', message, 'forbidden');
}

/**
 * The floor area that stays standing, as the surveyor measured it: an extension (توسعه بنا) builds on
 * it; a reconstruction (تجدید بنا) or new construction replaces whatever stands.
 */
function existingAreaM2(file: SurveyedFile): number {
  if (file.applicationType !== 'Extension') return 0;
  const total = file.survey.existingStructures.reduce((sum, s) => sum + Math.round(s.areaM2 * 100), 0);
  return total / 100;
}
