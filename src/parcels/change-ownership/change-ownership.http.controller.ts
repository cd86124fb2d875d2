import { Body, Controller, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
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
import { ParcelResponseDto } from '../parcel.dto.js';
import { normalizeOwners } from '../parcel-owners.js';
import { ParcelStaffAccess } from '../parcel-staff-access.js';
import { parcelDecider, parcelNotFound } from '../parcel.decider.js';
import { parcelStream } from '../parcel.events.js';
import { ParcelsReadModel } from '../parcels.read-model.js';
import { ChangeOwnershipRequestDto } from './change-ownership.request.dto.js';

const ROLES: Role[] = ['clerk', 'admin'];

@ApiTags('parcels')
@Controller('parcels')
export class ChangeOwnershipHttpController {
  constructor(
    private readonly commands: CommandRunner,
    private readonly access: ParcelStaffAccess,
    private readonly parcels: ParcelsReadModel,
  ) {}

  @Post(':renewalCode/ownership')
  @Roles(ROLES)
  @ApiOperation({ summary: 'Record a parcel’s new owners (after a transfer, inheritance, …)' })
  @ApiCreatedResponse({ type: ParcelResponseDto })
  @ApiBadRequestResponse({
    description: 'PARCEL.INVALID_OWNER, PARCEL.DUPLICATE_OWNER, PARCEL.SHARES_NOT_100, …',
  })
  @ApiNotFoundResponse({ description: 'PARCEL.NOT_FOUND (also for parcels of other municipalities)' })
  async change(
    @Param('renewalCode') renewalCode: string,
    @Body() body: ChangeOwnershipRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<ParcelResponseDto> {
    const { parcel, context } = this.access.parcel(caller, renewalCode, body.municipality, ROLES);
    const { municipality, renewalCode: code, id } = parcel;
    await this.commands.run(
      parcelStream(municipality, code),
      parcelDecider,
      {
        type: 'ChangeOwnership',
        data: { municipality, renewalCode: code, owners: normalizeOwners(body.owners), reason: body.reason },
      },
      context,
      { ...options, awaiting: [parcelsProjection.name] },
    );
    return this.parcels.getOr(id, () => parcelNotFound(code));
  }
}
