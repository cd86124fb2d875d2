import { Command } from '@nestjs/cqrs';
import type { CommandOptions } from '../../../event-store/command-handling/command-context.js';
import type { Caller } from '../../auth/caller.decorator.js';
import type { MunicipalityResponseDto, RegionDto } from '../municipality.dto.js';

export class AddRegionCommand extends Command<MunicipalityResponseDto> {
  constructor(
    readonly code: string,
    readonly request: RegionDto,
    readonly caller: Caller,
    readonly options: CommandOptions,
  ) {
    super();
  }
}
