import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../../event-store/command-handling/command-context.js';

export interface RequestConsent {
  readonly office: string;
  readonly operator: string;
  readonly nationalId: string;
  /** Only for a citizen without an account: the mobile the identity registry holds for them. */
  readonly mobile?: string;
  readonly address: string;
  readonly hours: number;
}

export class RequestConsentCommand extends Command<{ consentId: string; expiresAt: string; sentTo: string }> {
  constructor(
    readonly input: RequestConsent,
    readonly context: CommandContext,
  ) {
    super();
  }
}
