import { Injectable } from '@nestjs/common';
import type { ParcelView } from '../../projections/parcels/parcels.projection.js';
import type { CommandContext } from '../event-store/command-handling/command-context.js';
import type { Caller } from '../identity/auth/caller.decorator.js';
import { actorOf, type Principal } from '../identity/principal.js';
import { recordAccess, type RecordScope } from '../identity/record-access.js';
import type { Grant, Role } from '../identity/roles.js';
import { ScopeDirectory } from '../identity/scope-directory.js';
import { DomainError } from '../shared/domain-error.js';
import { parcelNotFound } from './parcel.decider.js';
import { parcelId } from './parcel.events.js';
import { ParcelsReadModel } from './parcels.read-model.js';
import { municipalRegionOf, parseRenewalCode } from './renewal-code.js';

/** A parcel a staff member may act on, and the context their command runs in. */
export interface StaffAction {
  readonly parcel: ParcelView;
  readonly context: CommandContext;
}

/**
 * The one rule of the staff endpoints on parcels: admins act everywhere; municipal staff only on the
 * parcels of their municipality (and regions, when their grant names some), under a grant of one of
 * the endpoint's roles. Any other parcel is answered exactly like a missing one (404
 * PARCEL.NOT_FOUND), so other municipalities do not learn what exists.
 */
@Injectable()
export class ParcelStaffAccess {
  constructor(
    private readonly parcels: ParcelsReadModel,
    private readonly directory: ScopeDirectory,
  ) {}

  /**
   * The parcel with this renewal code, in the named municipality or, without one, in the caller's
   * (admins: wherever it is unique).
   */
  parcel(
    caller: Caller,
    renewalCodeInput: string,
    municipality: string | undefined,
    roles: readonly Role[],
  ): StaffAction {
    const code = parseRenewalCode(renewalCodeInput).text;
    const principal = caller.principal;
    if (!principal) throw parcelNotFound(code);
    const grants = principal.grants.filter((g) => roles.includes(g.role));
    if (grants.some((g) => g.role === 'admin')) {
      const parcel = this.parcels.find(code, municipality);
      return {
        parcel,
        context: contextOf(
          caller,
          principal,
          grants.find((g) => g.role === 'admin')!,
        ),
      };
    }
    const candidates =
      municipality !== undefined ? [municipality] : [...new Set(grants.flatMap((g) => g.municipality ?? []))];
    const found = candidates.flatMap((m) => {
      const parcel = this.parcels.get(parcelId(m, code));
      const grant = parcel && staffGrant(principal, grants, scopeOf(parcel));
      return parcel && grant ? [{ parcel, grant }] : [];
    });
    if (found.length > 1) {
      throw new DomainError(
        'PARCEL.AMBIGUOUS',
        `Renewal code ${code} exists in several of your municipalities; name one with "municipality"`,
        'invalid',
      );
    }
    if (!found[0]) throw parcelNotFound(code);
    return { parcel: found[0].parcel, context: contextOf(caller, principal, found[0].grant) };
  }

  /**
   * The context to register a parcel in: the municipality must exist, and staff must belong to it (and
   * to the parcel's region, when limited to some). Nothing is looked up about the parcel itself.
   */
  registration(
    caller: Caller,
    municipality: string,
    renewalCodeInput: string,
    roles: readonly Role[],
  ): CommandContext {
    const code = parseRenewalCode(renewalCodeInput);
    this.directory.municipality(municipality);
    const principal = caller.principal;
    const grants = principal?.grants.filter((g) => roles.includes(g.role)) ?? [];
    const grant =
      grants.find((g) => g.role === 'admin') ??
      (principal && staffGrant(principal, grants, { municipality, region: municipalRegionOf(code) }));
    if (!principal || !grant) {
      throw new DomainError(
        'PARCEL.OUTSIDE_JURISDICTION',
        `You may register parcels only in your own municipality (and regions)`,
        'forbidden',
        { municipality },
      );
    }
    return contextOf(caller, principal, grant);
  }
}

export const scopeOf = (parcel: ParcelView): RecordScope => ({
  municipality: parcel.municipality,
  region: parcel.region,
  ownerNationalIds: parcel.owners.map((o) => o.nationalId),
});

/** The first of `grants` that makes the principal staff of the record, by the record-level rules. */
function staffGrant(principal: Principal, grants: readonly Grant[], record: RecordScope): Grant | undefined {
  return grants.find((grant) => recordAccess({ ...principal, grants: [grant] }, record) === 'staff');
}

/** The caller's context, with the actor acting under the grant that allows this parcel. */
function contextOf(caller: Caller, principal: Principal, grant: Grant): CommandContext {
  return { ...caller.commandContext(), actor: actorOf(principal, grant) };
}
