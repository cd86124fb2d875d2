import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { MUNICIPAL_ROLES, type Role } from '../../identity/roles.js';
import { ParcelDebts } from '../parcel-debts.js';
import { ParcelDebtsResponseDto, toDebtsResponse } from '../parcel.dto.js';
import { ParcelStaffAccess, scopeOf } from '../parcel-staff-access.js';
import { parcelNotFound } from '../parcel.decider.js';
import { ParcelsReadModel } from '../parcels.read-model.js';

const STAFF_ROLES: Role[] = [...MUNICIPAL_ROLES, 'admin'];

@ApiTags('parcels')
@Controller('parcels')
export class GetParcelDebtsHttpController {
  constructor(
    private readonly parcels: ParcelsReadModel,
    private readonly access: ParcelStaffAccess,
    private readonly debts: ParcelDebts,
  ) {}

  /** Amounts are for the owners (or a counter office acting for one) and staff; others learn nothing. */
  @Get(':renewalCode/debts')
  @Roles(['citizen', 'counter_office', ...STAFF_ROLES])
  @ApiOperation({ summary: 'A parcel’s renewal dues (عوارض نوسازی), year by year, and what is outstanding' })
  @ApiQuery({ name: 'municipality', required: false, description: 'needed only when the code is ambiguous' })
  @ApiHeader({
    name: 'X-On-Behalf-Of',
    required: false,
    description: 'counter offices: the national id of the owner they act for',
  })
  @ApiOkResponse({ type: ParcelDebtsResponseDto })
  @ApiBadRequestResponse({ description: 'PARCEL.INVALID_RENEWAL_CODE, PARCEL.AMBIGUOUS' })
  @ApiNotFoundResponse({ description: 'PARCEL.NOT_FOUND: unknown, or not the caller’s to see' })
  get(
    @Param('renewalCode') renewalCode: string,
    @Query('municipality') municipality: string | undefined,
    @CurrentCaller() caller: Caller,
  ): ParcelDebtsResponseDto {
    const parcel = this.visibleParcel(caller, renewalCode, municipality);
    return toDebtsResponse(parcel, this.debts.of(parcel));
  }

  private visibleParcel(caller: Caller, renewalCode: string, municipality: string | undefined) {
    const grants = caller.principal?.grants ?? [];
    if (grants.some((g) => STAFF_ROLES.includes(g.role))) {
      try {
        return this.access.parcel(caller, renewalCode, municipality, STAFF_ROLES).parcel;
      } catch (error) {
        // Staff who also own property elsewhere see it as owners do.
        if (!grants.some((g) => g.role === 'citizen' || g.role === 'counter_office')) throw error;
      }
    }
    const parcel = this.parcels.find(
      renewalCode,
      typeof municipality === 'string' ? municipality : undefined,
    );
    const access = caller.accessTo(scopeOf(parcel));
    if (access !== 'owner' && access !== 'staff') throw parcelNotFound(parcel.renewalCode);
    return parcel;
  }
}
