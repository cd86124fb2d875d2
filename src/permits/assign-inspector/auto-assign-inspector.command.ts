import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../event-store/command-handling/command-context.js';
import type { IssuedFile } from '../permit.state.js';

/**
 * The system assigns the stage under way of `file` to an inspector of its region, as of `at` (the
 * causing event's time); `context` names the reaction and its cause.
 */
export class AutoAssignInspectorCommand extends Command<void> {
  constructor(
    readonly file: IssuedFile,
    readonly at: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
