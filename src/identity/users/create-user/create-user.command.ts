import { Command } from '@nestjs/cqrs';
import type { Caller } from '../../auth/caller.decorator.js';
import type { UserResponseDto } from '../user.response.dto.js';
import type { CreateUserRequestDto } from './create-user.request.dto.js';

export class CreateUserCommand extends Command<UserResponseDto> {
  constructor(
    readonly request: CreateUserRequestDto,
    readonly caller: Caller,
  ) {
    super();
  }
}
