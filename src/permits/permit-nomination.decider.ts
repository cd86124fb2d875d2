import { conflict, type Decision, type LiveState } from './permit-decision.js';
import { nomineeProblem } from './permit-inputs.js';
import type { PermitCommand } from './permit.commands.js';

export type NominationCommand = Extract<PermitCommand, { readonly type: 'NominateEngineer' }>;

/** The permit file's phase of the applicant’s nomination of who designs the building. */
export function decideNomination(command: NominationCommand, state: LiveState): Decision {
  const { permitId } = command.data;
  const { organisation, engineerId } = command.data.nominee;
  const problem = nomineeProblem(command.data.nominee);
  if (problem) return problem;
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
