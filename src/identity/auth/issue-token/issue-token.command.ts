import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../../event-store/command-handling/command-context.js';
import type { IssuedToken } from '../token-signer.js';

export interface LoginRequest {
  readonly username: string;
  readonly password: string;
  readonly address: string;
}

export class IssueTokenCommand extends Command<IssuedToken> {
  constructor(
    readonly input: LoginRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
