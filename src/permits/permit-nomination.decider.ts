import { DomainError } from '../shared/domain-error.js';
import { conflict, type Decision, type LiveState } from './permit-decision.js';
import { nomineeProblem } from './permit-inputs.js';
import type { PermitCommand } from './permit.commands.js';
import type { EngineerNominee } from './permit.events.js';

export type NominationCommand = Extract<PermitCommand, { readonly type: 'NominateEngineer' }>;

/** The permit file's phase of the applicant’s nomination of who designs the building. */
export function decideNomination(command: NominationCommand, state: LiveState): Decision {
  const { permitId } = command.data;
  const chosen = nomineeOf(command.data);
  if (chosen instanceof DomainError) return chosen;
  const problem = nomineeProblem(chosen);
  if (problem) return problem;
  const { organisation, engineerId } = chosen;
  // A design under review or approved was made by the engineer nominated then.
  if ('design' in state && state.status !== 'design_returned') {
    return conflict(
      'PERMIT.NOMINATION_CLOSED',
      'The engineer is nominated before a design is submitted',
      state,
    );
  }
  if (state.nominee?.organisation === organisation && state.nominee.engineerId === engineerId) return [];
  const nominee = { organisation, ...(engineerId === undefined ? {} : { engineerId }) };
  return [{ type: 'EngineerNominated', data: { permitId, nominee } }];
}

const invalidNominee = (message: string, field: string) =>
  new DomainError('PERMIT.INVALID_NOMINEE', message, 'invalid', { field });

/**
 * Whom the applicant nominates: an office as named, or an engineer in the office they hold the engineer
 * role for (the one named, or their only one).
 */
function nomineeOf(request: NominationCommand['data']): EngineerNominee | DomainError {
  const { engineerId, organisation, engineerOffices } = request;
  if (organisation !== undefined && !request.organisationKnown)
    return invalidNominee(`${organisation} is not an active engineering office`, 'organisation');
  if (engineerId === undefined) {
    return organisation === undefined
      ? invalidNominee('Name an engineer or an engineering office', 'engineerId')
      : { organisation };
  }
  if (engineerOffices.length === 0) return invalidNominee(`${engineerId} is not an engineer`, 'engineerId');
  const office = organisation ?? (engineerOffices.length === 1 ? engineerOffices[0] : undefined);
  if (office === undefined)
    return invalidNominee('The engineer works for several offices: name one', 'organisation');
  if (!engineerOffices.includes(office))
    return invalidNominee(`${engineerId} is not an engineer of ${office}`, 'organisation');
  return { organisation: office, engineerId };
}
