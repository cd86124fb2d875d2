import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../event-store/command-handling/command-context.js';
import type { PermitState } from '../permit.state.js';

export type ApprovedFile = Extract<PermitState, { readonly status: 'design_approved' }>;

/**
 * The system assesses the fees of a file whose design was approved `approvedAt`, by the rule set in
 * force then; `context` names the reaction and the approval that caused it.
 */
export class AssessFeesCommand extends Command<void> {
  constructor(
    readonly file: ApprovedFile,
    readonly approvedAt: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
