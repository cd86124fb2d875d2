import { Body, Controller, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
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
import { ParcelResponseDto, toBuilding } from '../parcel.dto.js';
import { normalizeOwners } from '../parcel-owners.js';
import { ParcelStaffAccess } from '../parcel-staff-access.js';
import { parcelDecider, parcelNotFound } from '../parcel.decider.js';
import { parcelId, parcelStream } from '../parcel.events.js';
import { ParcelsReadModel } from '../parcels.read-model.js';
import { parseRenewalCode } from '../renewal-code.js';
import { RegisterParcelRequestDto } from './register-parcel.request.dto.js';

const ROLES: Role[] = ['clerk', 'admin'];

@ApiTags('parcels')
@Controller('parcels')
export class RegisterParcelHttpController {
  constructor(
    private readonly commands: CommandRunner,
    private readonly access: ParcelStaffAccess,
    private readonly parcels: ParcelsReadModel,
  ) {}

  @Post()
  @Roles(ROLES)
  @ApiOperation({ summary: 'Register a parcel by its renewal code (کد نوسازی), in the clerk’s municipality' })
  @ApiCreatedResponse({ type: ParcelResponseDto })
  @ApiBadRequestResponse({
    description: 'PARCEL.INVALID_RENEWAL_CODE, PARCEL.INVALID_AREA, PARCEL.SHARES_NOT_100, …',
  })
  @ApiForbiddenResponse({ description: 'PARCEL.OUTSIDE_JURISDICTION: another municipality' })
  @ApiNotFoundResponse({ description: 'MUNICIPALITY.NOT_FOUND' })
  @ApiConflictResponse({ description: 'PARCEL.ALREADY_EXISTS' })
  async register(
    @Body() body: RegisterParcelRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<ParcelResponseDto> {
    const code = parseRenewalCode(body.renewalCode).text;
    const context = this.access.registration(caller, body.municipality, code, ROLES);
    await this.commands.run(
      parcelStream(body.municipality, code),
      parcelDecider,
      {
        type: 'RegisterParcel',
        data: {
          municipality: body.municipality,
          renewalCode: code,
          areaM2: body.areaM2,
          streetWidthM: body.streetWidthM,
          zone: body.zone,
          landUse: body.landUse,
          owners: normalizeOwners(body.owners),
          existingBuilding: toBuilding(body.existingBuilding),
        },
      },
      context,
      { ...options, awaiting: [parcelsProjection.name] },
    );
    return this.parcels.getOr(parcelId(body.municipality, code), () => parcelNotFound(code));
  }
}
