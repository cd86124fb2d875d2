import { Body, Controller, Param, ParseIntPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { ParcelDebtsResponseDto } from '../parcel.dto.js';
import { PAY_RENEWAL_DUES_ROLES, PayRenewalDuesCommand } from './pay-renewal-dues.command.js';
import { PayRenewalDuesRequestDto } from './pay-renewal-dues.request.dto.js';

@ApiTags('parcels')
@Controller('parcels')
export class PayRenewalDuesHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** A payment at the municipality's cash desk. A reference already recorded is the same payment. */
  @Post(':renewalCode/dues/:year/payments')
  @Roles(PAY_RENEWAL_DUES_ROLES)
  @ApiOperation({ summary: 'Record an in-person payment of a year’s renewal dues (عوارض نوسازی)' })
  @ApiCreatedResponse({ type: ParcelDebtsResponseDto, description: 'recorded; the dues after it' })
  @ApiOkResponse({
    type: ParcelDebtsResponseDto,
    description: 'this reference was recorded before: unchanged',
  })
  @ApiBadRequestResponse({ description: 'DUES.INVALID_AMOUNT, REQUEST.INVALID' })
  @ApiNotFoundResponse({ description: 'PARCEL.NOT_FOUND, DUES.NOT_BILLED' })
  @ApiConflictResponse({ description: 'DUES.OVERPAYMENT, DUES.REFERENCE_USED' })
  async payRenewalDues(
    @Param('renewalCode') renewalCode: string,
    @Param('year', ParseIntPipe) year: number,
    @Body() body: PayRenewalDuesRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ParcelDebtsResponseDto> {
    const { debts, recorded } = await this.commands.execute(
      new PayRenewalDuesCommand(renewalCode, year, body, caller, options),
    );
    if (!recorded) void reply.status(200);
    return debts;
  }
}
