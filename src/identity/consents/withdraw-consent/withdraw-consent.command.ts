import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../../event-store/command-handling/command-context.js';

export class WithdrawConsentCommand extends Command<void> {
  constructor(
    readonly consentId: string,
    readonly citizenNationalId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
