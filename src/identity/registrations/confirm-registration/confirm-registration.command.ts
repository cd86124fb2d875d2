import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../../event-store/command-handling/command-context.js';

export class ConfirmRegistrationCommand extends Command<{ userId: string; username: string }> {
  constructor(
    readonly input: { readonly registrationId: string; readonly code: string; readonly address: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}
