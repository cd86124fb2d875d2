import { Body, Controller, Param, ParseIntPipe, Post, Res } from '@nestjs/common';
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
import { parcelsProjection } from '../../../projections/parcels/parcels.projection.js';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { CommandRunner } from '../../event-store/command-handling/command-runner.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import type { Role } from '../../identity/roles.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { ParcelDebts } from '../parcel-debts.js';
import { ParcelDebtsResponseDto, toDebtsResponse } from '../parcel.dto.js';
import { ParcelStaffAccess } from '../parcel-staff-access.js';
import { parcelDecider, parcelNotFound } from '../parcel.decider.js';
import { parcelStream } from '../parcel.events.js';
import { ParcelsReadModel } from '../parcels.read-model.js';
import { PayRenewalDuesRequestDto } from './pay-renewal-dues.request.dto.js';

const ROLES: Role[] = ['cashier', 'admin'];

@ApiTags('parcels')
@Controller('parcels')
export class PayRenewalDuesHttpController {
  constructor(
    private readonly commands: CommandRunner,
    private readonly access: ParcelStaffAccess,
    private readonly parcels: ParcelsReadModel,
    private readonly debts: ParcelDebts,
  ) {}

  /** A payment at the municipality's cash desk. A reference already recorded is the same payment. */
  @Post(':renewalCode/dues/:year/payments')
  @Roles(ROLES)
  @ApiOperation({ summary: 'Record an in-person payment of a year’s renewal dues (عوارض نوسازی)' })
  @ApiCreatedResponse({ type: ParcelDebtsResponseDto, description: 'recorded; the dues after it' })
  @ApiOkResponse({
    type: ParcelDebtsResponseDto,
    description: 'this reference was recorded before: unchanged',
  })
  @ApiBadRequestResponse({ description: 'DUES.INVALID_AMOUNT, REQUEST.INVALID' })
  @ApiNotFoundResponse({ description: 'PARCEL.NOT_FOUND, DUES.NOT_BILLED' })
  @ApiConflictResponse({ description: 'DUES.OVERPAYMENT, DUES.REFERENCE_USED' })
  async pay(
    @Param('renewalCode') renewalCode: string,
    @Param('year', ParseIntPipe) year: number,
    @Body() body: PayRenewalDuesRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ParcelDebtsResponseDto> {
    const { parcel, context } = this.access.parcel(caller, renewalCode, body.municipality, ROLES);
    const { municipality, renewalCode: code, id } = parcel;
    const result = await this.commands.run(
      parcelStream(municipality, code),
      parcelDecider,
      {
        type: 'PayRenewalDues',
        data: {
          municipality,
          renewalCode: code,
          year,
          amount: body.amount,
          reference: body.reference,
          channel: 'cashier',
        },
      },
      context,
      { ...options, awaiting: [parcelsProjection.name] },
    );
    if (result.events.length === 0) void reply.status(200);
    const paid = this.parcels.getOr(id, () => parcelNotFound(code));
    return toDebtsResponse(paid, this.debts.of(paid));
  }
}
