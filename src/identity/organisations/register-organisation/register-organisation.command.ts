import { Command } from '@nestjs/cqrs';
import type { CommandOptions } from '../../../event-store/command-handling/command-context.js';
import type { Caller } from '../../auth/caller.decorator.js';
import type { OrganisationResponseDto } from '../organisation.response.dto.js';
import type { RegisterOrganisationRequestDto } from './register-organisation.request.dto.js';

export class RegisterOrganisationCommand extends Command<OrganisationResponseDto> {
  constructor(
    readonly request: RegisterOrganisationRequestDto,
    readonly caller: Caller,
    readonly options: CommandOptions,
  ) {
    super();
  }
}
