import { Command } from '@nestjs/cqrs';
import type { CommandOptions } from '../../../event-store/command-handling/command-context.js';
import type { ReasonRequestDto } from '../../../shared/http/reason.request.dto.js';
import type { Caller } from '../../auth/caller.decorator.js';
import type { UserResponseDto } from '../user.response.dto.js';

export class DisableUserCommand extends Command<UserResponseDto> {
  constructor(
    readonly id: string,
    readonly request: ReasonRequestDto,
    readonly caller: Caller,
    readonly options: CommandOptions,
  ) {
    super();
  }
}
