import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../event-store/command-handling/command-context.js';
import type { PermitRevocation } from '../permit.events.js';

/** The system records on the file that its permit document no longer stands; once per document code. */
export class RecordPermitRevocationCommand extends Command<void> {
  constructor(
    readonly permitId: string,
    readonly revocation: PermitRevocation,
    readonly context: CommandContext,
  ) {
    super();
  }
}
