import { Command } from '@nestjs/cqrs';
import type { CommandOptions } from '../../../event-store/command-handling/command-context.js';
import type { Caller } from '../../auth/caller.decorator.js';
import type { MunicipalityResponseDto } from '../municipality.dto.js';
import type { RegisterMunicipalityRequestDto } from './register-municipality.request.dto.js';

export class RegisterMunicipalityCommand extends Command<MunicipalityResponseDto> {
  constructor(
    readonly request: RegisterMunicipalityRequestDto,
    readonly caller: Caller,
    readonly options: CommandOptions,
  ) {
    super();
  }
}
