import { Command } from '@nestjs/cqrs';
import type { CommandOptions } from '../../../event-store/command-handling/command-context.js';
import type { ReasonRequestDto } from '../../../shared/http/reason.request.dto.js';
import type { Caller } from '../../auth/caller.decorator.js';
import type { OrganisationResponseDto } from '../organisation.response.dto.js';

export class DeactivateOrganisationCommand extends Command<OrganisationResponseDto> {
  constructor(
    readonly id: string,
    readonly request: ReasonRequestDto,
    readonly caller: Caller,
    readonly options: CommandOptions,
  ) {
    super();
  }
}
