import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { ParcelView } from '../../../projections/parcels/parcels.projection.js';
import { AuditTrail, accessOf } from '../../audit/audit-trail.js';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import { ParcelDebts } from '../parcel-debts.js';
import { type ParcelDebtsResponseDto, toDebtsResponse } from '../parcel.dto.js';
import { ParcelStaffAccess, scopeOf } from '../parcel-staff-access.js';
import { parcelNotFound } from '../parcel.decider.js';
import { ParcelsReadModel } from '../parcels.read-model.js';
import { GetParcelDebtsQuery, PARCEL_STAFF_ROLES } from './get-parcel-debts.query.js';

@QueryHandler(GetParcelDebtsQuery)
export class GetParcelDebtsHandler implements IQueryHandler<GetParcelDebtsQuery> {
  constructor(
    private readonly parcels: ParcelsReadModel,
    private readonly access: ParcelStaffAccess,
    private readonly debts: ParcelDebts,
    private readonly trail: AuditTrail,
  ) {}

  async execute({ renewalCode, municipality, caller }: GetParcelDebtsQuery): Promise<ParcelDebtsResponseDto> {
    const parcel = this.visibleParcel(caller, renewalCode, municipality);
    this.trail.accessed(caller, accessOf('parcel_debts', parcel.renewalCode, scopeOf(parcel)));
    return toDebtsResponse(parcel, this.debts.of(parcel));
  }

  private visibleParcel(caller: Caller, renewalCode: string, municipality: string | undefined): ParcelView {
    const grants = caller.principal?.grants ?? [];
    if (grants.some((g) => PARCEL_STAFF_ROLES.includes(g.role))) {
      try {
        return this.access.parcel(caller, renewalCode, municipality, PARCEL_STAFF_ROLES).parcel;
      } catch (error) {
        // Staff who also own property elsewhere see it as owners do.
        if (!grants.some((g) => g.role === 'citizen' || g.role === 'counter_office')) throw error;
      }
    }
    const parcel = this.parcels.find(renewalCode, municipality);
    const access = caller.accessTo(scopeOf(parcel));
    if (access !== 'owner' && access !== 'staff') throw parcelNotFound(parcel.renewalCode);
    return parcel;
  }
}
