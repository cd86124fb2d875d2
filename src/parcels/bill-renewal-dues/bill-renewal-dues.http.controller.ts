import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { ParcelDebtsResponseDto } from '../parcel.dto.js';
import { BILL_RENEWAL_DUES_ROLES, BillRenewalDuesCommand } from './bill-renewal-dues.command.js';
import { BillRenewalDuesRequestDto } from './bill-renewal-dues.request.dto.js';

@ApiTags('parcels')
@Controller('parcels')
export class BillRenewalDuesHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':renewalCode/dues')
  @Roles(BILL_RENEWAL_DUES_ROLES)
  @ApiOperation({ summary: 'Bill a year’s renewal dues (عوارض نوسازی) of a parcel' })
  @ApiCreatedResponse({ type: ParcelDebtsResponseDto, description: 'the parcel’s dues after billing' })
  @ApiBadRequestResponse({ description: 'DUES.INVALID_YEAR, DUES.INVALID_AMOUNT' })
  @ApiNotFoundResponse({ description: 'PARCEL.NOT_FOUND (also for parcels of other municipalities)' })
  @ApiConflictResponse({ description: 'DUES.ALREADY_BILLED' })
  billRenewalDues(
    @Param('renewalCode') renewalCode: string,
    @Body() body: BillRenewalDuesRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<ParcelDebtsResponseDto> {
    return this.commands.execute(new BillRenewalDuesCommand(renewalCode, body, caller, options));
  }
}
