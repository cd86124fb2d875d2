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
import type { ParcelDetails } from '../parcel.events.js';
import { ParcelResponseDto, toBuilding } from '../parcel.dto.js';
import { ParcelStaffAccess } from '../parcel-staff-access.js';
import { parcelDecider, parcelNotFound } from '../parcel.decider.js';
import { parcelStream } from '../parcel.events.js';
import { ParcelsReadModel } from '../parcels.read-model.js';
import { CorrectParcelRequestDto, type ParcelChangesDto } from './correct-parcel.request.dto.js';

const ROLES: Role[] = ['clerk', 'admin'];

@ApiTags('parcels')
@Controller('parcels')
export class CorrectParcelHttpController {
  constructor(
    private readonly commands: CommandRunner,
    private readonly access: ParcelStaffAccess,
    private readonly parcels: ParcelsReadModel,
  ) {}

  @Post(':renewalCode/corrections')
  @Roles(ROLES)
  @ApiOperation({ summary: 'Correct a parcel’s details (area, street width, zone, land use, building)' })
  @ApiCreatedResponse({ type: ParcelResponseDto })
  @ApiBadRequestResponse({ description: 'PARCEL.INVALID_RENEWAL_CODE, PARCEL.NO_CHANGES, PARCEL.INVALID_…' })
  @ApiNotFoundResponse({ description: 'PARCEL.NOT_FOUND (also for parcels of other municipalities)' })
  async correct(
    @Param('renewalCode') renewalCode: string,
    @Body() body: CorrectParcelRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<ParcelResponseDto> {
    const { parcel, context } = this.access.parcel(caller, renewalCode, body.municipality, ROLES);
    const { municipality, renewalCode: code, id } = parcel;
    await this.commands.run(
      parcelStream(municipality, code),
      parcelDecider,
      {
        type: 'CorrectParcelDetails',
        data: { municipality, renewalCode: code, changes: changesOf(body.changes), reason: body.reason },
      },
      context,
      { ...options, awaiting: [parcelsProjection.name] },
    );
    return this.parcels.getOr(id, () => parcelNotFound(code));
  }
}

/** Only the fields given (a null building says the parcel is now vacant). */
function changesOf(dto: ParcelChangesDto): Partial<ParcelDetails> {
  return {
    ...(dto.areaM2 !== undefined ? { areaM2: dto.areaM2 } : {}),
    ...(dto.streetWidthM !== undefined ? { streetWidthM: dto.streetWidthM } : {}),
    ...(dto.zone !== undefined ? { zone: dto.zone } : {}),
    ...(dto.landUse !== undefined ? { landUse: dto.landUse } : {}),
    ...(dto.existingBuilding !== undefined ? { existingBuilding: toBuilding(dto.existingBuilding) } : {}),
  };
}
