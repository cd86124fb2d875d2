import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../../event-store/command-handling/command-context.js';

export interface StartRegistration {
  readonly nationalId: string;
  readonly mobile: string;
  readonly fullName: string;
  readonly password: string;
  readonly address: string;
}

export class StartRegistrationCommand extends Command<{ registrationId: string; expiresAt: string }> {
  constructor(
    readonly input: StartRegistration,
    readonly context: CommandContext,
  ) {
    super();
  }
}
