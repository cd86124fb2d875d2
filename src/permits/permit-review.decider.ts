import { DomainError } from '../shared/domain-error.js';
import { mapOrderLimits } from './map-order-limits.js';
import { type Decision, type LiveState, type Command, conflict, notSubmitted } from './permit-decision.js';
import { reasonsProblem, surveyProblem } from './permit-inputs.js';
import type { PermitCommand } from './permit.commands.js';
import type { ExistingPermitState } from './permit.state.js';

export type ReviewCommand = Extract<
  PermitCommand,
  { readonly type: 'TakePermit' | 'ReturnPermit' | 'AssignSurveyor' | 'ReportSiteVisit' | 'IssueMapOrder' }
>;

/** The permit file's phase of the clerk’s review, the site visit and the map order. */
export function decideReview(command: ReviewCommand, state: LiveState): Decision {
  const { permitId } = command.data;
  switch (command.type) {
    case 'TakePermit': {
      const { clerkId } = command.data;
      if (state.status === 'under_review' && state.clerkId === clerkId) return [];
      if (state.status !== 'submitted' && state.status !== 'under_review') return notInReview(state);
      return [{ type: 'PermitTaken', data: { permitId, clerkId } }];
    }
    case 'ReturnPermit': {
      const { reasons } = command.data;
      const problem = reasonsProblem(
        reasons.map((r) => r.reason),
        'reasons',
      );
      if (problem) return problem;
      if (state.status !== 'under_review') return notInReview(state);
      return [{ type: 'PermitReturned', data: { permitId, reasons } }];
    }
    case 'AssignSurveyor': {
      const { surveyorId, surveyor } = command.data;
      const isSurveyorHere = surveyor?.grants.some(
        (g) => g.role === 'surveyor' && g.municipality === state.municipality,
      );
      if (!surveyor || surveyor.disabled || !isSurveyorHere) {
        const message = `User ${surveyorId} is not an active surveyor of ${state.municipality}`;
        return new DomainError('PERMIT.NOT_A_SURVEYOR', message, 'invalid', { surveyorId });
      }
      if (state.status === 'surveying' && state.surveyorId === surveyorId) return [];
      if (state.status !== 'under_review' && state.status !== 'surveying') return notInReview(state);
      return [{ type: 'SurveyorAssigned', data: { permitId, surveyorId } }];
    }
    case 'ReportSiteVisit': {
      const { surveyorId, survey } = command.data;
      const problem = surveyProblem(survey);
      if (problem) return problem;
      if (state.status !== 'surveying')
        return conflict('PERMIT.NOT_SURVEYING', 'No site visit is awaited', state);
      if (state.surveyorId !== surveyorId) {
        return new DomainError(
          'PERMIT.NOT_ASSIGNED_SURVEYOR',
          'Only the surveyor assigned to the file reports its site visit',
          'forbidden',
        );
      }
      return [{ type: 'SiteVisitReported', data: { permitId, surveyorId, survey } }];
    }
    case 'IssueMapOrder':
      return issueMapOrder(command, state);
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

function issueMapOrder(command: Command<'IssueMapOrder'>, state: LiveState): Decision {
  const { permitId, ruleSet, zone } = command.data;
  if (state.status !== 'surveyed') {
    return 'mapOrder' in state
      ? conflict('PERMIT.MAP_ORDER_ALREADY_ISSUED', 'The map order is issued', state)
      : conflict('PERMIT.NOT_SURVEYED', 'A map order needs the site visit first', state);
  }
  const limits = refusalOf(() => mapOrderLimits(ruleSet, zone, state.survey));
  if (limits instanceof DomainError) return limits;
  return [{ type: 'MapOrderIssued', data: { permitId, limits, ruleSetVersion: ruleSet.version } }];
}

/** Refuses a review step (take, return, assign a surveyor) outside the review. */
function notInReview(state: ExistingPermitState): DomainError {
  if (state.status === 'draft' || state.status === 'returned') return notSubmitted(state);
  if (state.status === 'submitted')
    return conflict('PERMIT.NOT_TAKEN', 'A clerk must take the file first', state);
  return conflict('PERMIT.NOT_UNDER_REVIEW', 'The file is past its review', state);
}

/** The rule-set helpers throw their refusals (an unknown zone); a decider returns them. */
function refusalOf<T>(compute: () => T): T | DomainError {
  try {
    return compute();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}
