import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../../event-store/command-handling/command-context.js';

export class ConfirmConsentCommand extends Command<{ consentId: string; validUntil: string }> {
  constructor(
    readonly input: {
      readonly consentId: string;
      readonly code: string;
      readonly office: string;
      readonly address: string;
    },
    readonly context: CommandContext,
  ) {
    super();
  }
}
