import { Command } from '@nestjs/cqrs';
import type { Caller } from '../../auth/caller.decorator.js';
import type { ChangePasswordRequestDto } from './change-password.request.dto.js';

export class ChangePasswordCommand extends Command<void> {
  constructor(
    readonly request: ChangePasswordRequestDto,
    readonly caller: Caller,
    /** The client's address, for the sign-in throttle. */
    readonly address: string,
  ) {
    super();
  }
}
