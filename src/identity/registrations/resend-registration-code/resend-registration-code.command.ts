import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../../event-store/command-handling/command-context.js';

export class ResendRegistrationCodeCommand extends Command<{ registrationId: string; expiresAt: string }> {
  constructor(
    readonly input: { readonly registrationId: string; readonly address: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}
