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
import { CHANGE_OWNERSHIP_ROLES, ChangeOwnershipCommand } from './change-ownership.command.js';
import { ChangeOwnershipRequestDto } from './change-ownership.request.dto.js';

@ApiTags('parcels')
@Controller('parcels')
export class ChangeOwnershipHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':renewalCode/ownership')
  @Roles(CHANGE_OWNERSHIP_ROLES)
  @ApiOperation({ summary: 'Record a parcel’s new owners (after a transfer, inheritance, …)' })
  @ApiCreatedResponse({ type: ParcelResponseDto })
  @ApiBadRequestResponse({
    description: 'PARCEL.INVALID_OWNER, PARCEL.DUPLICATE_OWNER, PARCEL.SHARES_NOT_100, …',
  })
  @ApiNotFoundResponse({ description: 'PARCEL.NOT_FOUND (also for parcels of other municipalities)' })
  changeOwnership(
    @Param('renewalCode') renewalCode: string,
    @Body() body: ChangeOwnershipRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<ParcelResponseDto> {
    return this.commands.execute(new ChangeOwnershipCommand(renewalCode, body, caller, options));
  }
}
