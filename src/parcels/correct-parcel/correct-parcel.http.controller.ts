import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { ParcelResponseDto } from '../parcel.dto.js';
import { CORRECT_PARCEL_ROLES, CorrectParcelCommand } from './correct-parcel.command.js';
import { CorrectParcelRequestDto } from './correct-parcel.request.dto.js';

@ApiTags('parcels')
@Controller('parcels')
export class CorrectParcelHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':renewalCode/corrections')
  @Roles(CORRECT_PARCEL_ROLES)
  @ApiOperation({ summary: 'Correct a parcel’s details (area, street width, zone, land use, building)' })
  @ApiCreatedResponse({ type: ParcelResponseDto })
  @ApiBadRequestResponse({ description: 'PARCEL.INVALID_RENEWAL_CODE, PARCEL.NO_CHANGES, PARCEL.INVALID_…' })
  @ApiNotFoundResponse({ description: 'PARCEL.NOT_FOUND (also for parcels of other municipalities)' })
  correctParcel(
    @Param('renewalCode') renewalCode: string,
    @Body() body: CorrectParcelRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<ParcelResponseDto> {
    return this.commands.execute(new CorrectParcelCommand(renewalCode, body, caller, options));
  }
}
