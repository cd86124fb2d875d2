import { Body, Controller, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
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
import { BillRenewalDuesRequestDto } from './bill-renewal-dues.request.dto.js';

const ROLES: Role[] = ['clerk', 'cashier', 'admin'];

@ApiTags('parcels')
@Controller('parcels')
export class BillRenewalDuesHttpController {
  constructor(
    private readonly commands: CommandRunner,
    private readonly access: ParcelStaffAccess,
    private readonly parcels: ParcelsReadModel,
    private readonly debts: ParcelDebts,
  ) {}

  @Post(':renewalCode/dues')
  @Roles(ROLES)
  @ApiOperation({ summary: 'Bill a year’s renewal dues (عوارض نوسازی) of a parcel' })
  @ApiCreatedResponse({ type: ParcelDebtsResponseDto, description: 'the parcel’s dues after billing' })
  @ApiBadRequestResponse({ description: 'DUES.INVALID_YEAR, DUES.INVALID_AMOUNT' })
  @ApiNotFoundResponse({ description: 'PARCEL.NOT_FOUND (also for parcels of other municipalities)' })
  @ApiConflictResponse({ description: 'DUES.ALREADY_BILLED' })
  async bill(
    @Param('renewalCode') renewalCode: string,
    @Body() body: BillRenewalDuesRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<ParcelDebtsResponseDto> {
    const { parcel, context } = this.access.parcel(caller, renewalCode, body.municipality, ROLES);
    const { municipality, renewalCode: code, id } = parcel;
    await this.commands.run(
      parcelStream(municipality, code),
      parcelDecider,
      {
        type: 'BillRenewalDues',
        data: { municipality, renewalCode: code, year: body.year, amount: body.amount },
      },
      context,
      { ...options, awaiting: [parcelsProjection.name] },
    );
    const billed = this.parcels.getOr(id, () => parcelNotFound(code));
    return toDebtsResponse(billed, this.debts.of(billed));
  }
}
