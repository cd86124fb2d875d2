import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { CommandOptions } from '../../../event-store/command-handling/command-context.js';
import { CommandHeaders } from '../../../shared/http/command-options.decorator.js';
import { Roles } from '../../auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../auth/caller.decorator.js';
import { MunicipalityResponseDto, RegionDto } from '../municipality.dto.js';
import { AddRegionCommand } from './add-region.command.js';

@ApiTags('municipalities')
@Controller('municipalities')
export class AddRegionHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':code/regions')
  @Roles(['admin'])
  @ApiOperation({ summary: 'Add a region (منطقه) to a municipality' })
  @ApiCreatedResponse({ type: MunicipalityResponseDto })
  @ApiNotFoundResponse({ description: 'MUNICIPALITY.NOT_FOUND' })
  @ApiConflictResponse({ description: 'MUNICIPALITY.REGION_EXISTS' })
  addRegion(
    @Param('code') code: string,
    @Body() body: RegionDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<MunicipalityResponseDto> {
    return this.commands.execute(new AddRegionCommand(code, body, caller, options));
  }
}
