import { Command } from '@nestjs/cqrs';
import type { CommandOptions } from '../../../event-store/command-handling/command-context.js';
import type { Caller } from '../../auth/caller.decorator.js';
import type { UserResponseDto } from '../user.response.dto.js';
import type { RevokeRoleRequestDto } from './revoke-role.request.dto.js';

export class RevokeRoleCommand extends Command<UserResponseDto> {
  constructor(
    readonly id: string,
    readonly request: RevokeRoleRequestDto,
    readonly caller: Caller,
    readonly options: CommandOptions,
  ) {
    super();
  }
}
