import type { ParcelView } from '../../../projections/parcels/parcels.projection.js';
import type { RecordAccess } from '../../identity/record-access.js';
import type { RuleSet } from '../../rule-sets/rule-set.js';
import { zoningLimits, type ZoningLimits } from '../../rule-sets/zoning-limits.js';
import type { ParcelDebtSummary } from '../parcel-debts.js';
import { maskName, maskNationalId } from '../../shared/masking.js';

export interface ParcelLookup extends Pick<
  ParcelView,
  | 'municipality'
  | 'renewalCode'
  | 'region'
  | 'areaM2'
  | 'streetWidthM'
  | 'zone'
  | 'landUse'
  | 'existingBuilding'
> {
  /** Names and national ids are masked for anyone but the owners and staff. */
  readonly owners: readonly {
    readonly name: string;
    readonly nationalId: string;
    readonly sharePct: number;
  }[];
  /** What may be built, by the rule set in force; null while the municipality has published none. */
  readonly limits: (ZoningLimits & { readonly effectiveFrom: string }) | null;
  /** Whether the parcel owes anything; amounts only for its owners and staff. */
  readonly debts: { readonly owesAnything: boolean } | ParcelDebtSummary;
  /** How the caller saw it: `public`, `owner` or `staff`. */
  readonly view: 'public' | 'owner' | 'staff';
}

/** The public lookup of a parcel (anyone about to buy a property may look it up), shaped by who asks. */
export function parcelLookup(
  parcel: ParcelView,
  access: RecordAccess,
  ruleSet: (RuleSet & { readonly effectiveFrom: string }) | undefined,
  debts: ParcelDebtSummary,
): ParcelLookup {
  const privileged = access === 'owner' || access === 'staff';
  return {
    municipality: parcel.municipality,
    renewalCode: parcel.renewalCode,
    region: parcel.region,
    areaM2: parcel.areaM2,
    streetWidthM: parcel.streetWidthM,
    zone: parcel.zone,
    landUse: parcel.landUse,
    existingBuilding: parcel.existingBuilding,
    owners: parcel.owners.map((o) => ({
      name: privileged ? o.name : maskName(o.name),
      nationalId: privileged ? o.nationalId : maskNationalId(o.nationalId),
      sharePct: o.sharePct,
    })),
    limits: ruleSet ? { ...zoningLimits(parcel, ruleSet), effectiveFrom: ruleSet.effectiveFrom } : null,
    debts: privileged ? debts : { owesAnything: debts.owesAnything },
    view: privileged ? access : 'public',
  };
}
