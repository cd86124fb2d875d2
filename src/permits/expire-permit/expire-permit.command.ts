import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../event-store/command-handling/command-context.js';

/** The system expires a permit whose validity ended by `context.now`; one not yet due is left alone. */
export class ExpirePermitCommand extends Command<void> {
  constructor(
    readonly permitId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
