import type { RuleSet } from '../rule-sets/rule-set.js';
import { zoningLimits, type ZoningLimits } from '../rule-sets/zoning-limits.js';

/**
 * The building limits of a map order (دستور نقشه): the zone's rules applied to the parcel area the
 * surveyor measured, which may differ from the registered one.
 */
export type MapOrderLimits = Omit<ZoningLimits, 'ruleSetVersion'> & {
  /** The measured parcel area (m²) the areas below are computed on. */
  readonly parcelAreaM2: number;
};

/**
 * The limits of a map order for a parcel of `zone` whose area the site visit measured.
 * Throws RULESET.UNKNOWN_ZONE or PARCEL.INVALID_AREA like `zoningLimits`.
 */
export function mapOrderLimits(
  ruleSet: RuleSet,
  zone: string,
  survey: { readonly measuredAreaM2: number },
): MapOrderLimits {
  const { ruleSetVersion: _version, ...limits } = zoningLimits(
    { areaM2: survey.measuredAreaM2, zone },
    ruleSet,
  );
  return { ...limits, parcelAreaM2: survey.measuredAreaM2 };
}
