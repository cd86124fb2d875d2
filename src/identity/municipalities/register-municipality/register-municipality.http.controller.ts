import { Body, Controller, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { municipalitiesProjection } from '../../../../projections/municipalities/municipalities.projection.js';
import type { CommandOptions } from '../../../event-store/command-handling/command-context.js';
import { CommandRunner } from '../../../event-store/command-handling/command-runner.js';
import { CommandHeaders } from '../../../shared/http/command-options.decorator.js';
import { Roles } from '../../auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../auth/caller.decorator.js';
import { MunicipalitiesReadModel } from '../municipalities.read-model.js';
import { municipalityDecider, municipalityNotFound } from '../municipality.decider.js';
import { MunicipalityResponseDto } from '../municipality.dto.js';
import { municipalityStream } from '../municipality.events.js';
import { RegisterMunicipalityRequestDto } from './register-municipality.request.dto.js';

@ApiTags('municipalities')
@Controller('municipalities')
export class RegisterMunicipalityHttpController {
  constructor(
    private readonly commands: CommandRunner,
    private readonly municipalities: MunicipalitiesReadModel,
  ) {}

  @Post()
  @Roles(['admin'])
  @ApiOperation({ summary: 'Register a municipality (tenant) with its regions' })
  @ApiCreatedResponse({ type: MunicipalityResponseDto })
  @ApiConflictResponse({ description: 'MUNICIPALITY.ALREADY_EXISTS' })
  async register(
    @Body() body: RegisterMunicipalityRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<MunicipalityResponseDto> {
    const regions = (body.regions ?? []).map(({ code, name }) => ({ code, name }));
    await this.commands.run(
      municipalityStream(body.code),
      municipalityDecider,
      {
        type: 'RegisterMunicipality',
        data: { code: body.code, name: body.name, nameFa: body.nameFa, regions },
      },
      caller.commandContext(),
      { ...options, awaiting: [municipalitiesProjection.name] },
    );
    return this.municipalities.getOr(body.code, municipalityNotFound);
  }
}
