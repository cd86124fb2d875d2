import { Body, Controller, Param, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { municipalitiesProjection } from '../../../../projections/municipalities/municipalities.projection.js';
import type { CommandOptions } from '../../../event-store/command-handling/command-context.js';
import { CommandRunner } from '../../../event-store/command-handling/command-runner.js';
import { CommandHeaders } from '../../../shared/http/command-options.decorator.js';
import { Roles } from '../../auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../auth/caller.decorator.js';
import { MunicipalitiesReadModel } from '../municipalities.read-model.js';
import { municipalityDecider, municipalityNotFound } from '../municipality.decider.js';
import { MunicipalityResponseDto, RegionDto } from '../municipality.dto.js';
import { municipalityStream } from '../municipality.events.js';

@ApiTags('municipalities')
@Controller('municipalities')
export class AddRegionHttpController {
  constructor(
    private readonly commands: CommandRunner,
    private readonly municipalities: MunicipalitiesReadModel,
  ) {}

  @Post(':code/regions')
  @Roles(['admin'])
  @ApiOperation({ summary: 'Add a region (منطقه) to a municipality' })
  @ApiCreatedResponse({ type: MunicipalityResponseDto })
  @ApiNotFoundResponse({ description: 'MUNICIPALITY.NOT_FOUND' })
  @ApiConflictResponse({ description: 'MUNICIPALITY.REGION_EXISTS' })
  async addRegion(
    @Param('code') code: string,
    @Body() body: RegionDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<MunicipalityResponseDto> {
    await this.commands.run(
      municipalityStream(code),
      municipalityDecider,
      { type: 'AddRegion', data: { code, region: { code: body.code, name: body.name } } },
      caller.commandContext(),
      { ...options, awaiting: [municipalitiesProjection.name] },
    );
    return this.municipalities.getOr(code, municipalityNotFound);
  }
}
