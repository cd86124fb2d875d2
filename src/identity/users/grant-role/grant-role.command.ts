import { Command } from '@nestjs/cqrs';
import type { CommandOptions } from '../../../event-store/command-handling/command-context.js';
import type { Caller } from '../../auth/caller.decorator.js';
import type { GrantDto } from '../grant.dto.js';
import type { UserResponseDto } from '../user.response.dto.js';

export class GrantRoleCommand extends Command<UserResponseDto> {
  constructor(
    readonly id: string,
    readonly request: GrantDto,
    readonly caller: Caller,
    readonly options: CommandOptions,
  ) {
    super();
  }
}
