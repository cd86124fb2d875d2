import type { Principal } from './principal.js';
import { MUNICIPAL_ROLES, type Grant } from './roles.js';

/** Where a record belongs and whose it is: what record-level rules look at. */
export interface RecordScope {
  readonly municipality: string;
  readonly region?: string;
  /** National ids of the owners (parcels) or applicants (files). */
  readonly ownerNationalIds?: readonly string[];
  /** The organisation that filed it (inquiries). */
  readonly organisation?: string;
}

/** How a caller relates to a record; `none` sees only what the public sees. */
export type RecordAccess = 'owner' | 'staff' | 'organisation' | 'none';

/**
 * The record-level rules in one place: a citizen sees their own records, municipal staff the records
 * of their municipality (and regions, when their grant names some), an organisation its own filings.
 */
export function recordAccess(
  principal: Principal | undefined,
  record: RecordScope,
  /** A counter office acting for this citizen (national id) is treated as that citizen. */
  onBehalfOf?: string,
  /**
   * The grant the caller acts under on this endpoint. Only it counts: a signatory of one municipality
   * who is a cashier of another must not sign there.
   */
  acting?: Grant,
): RecordAccess {
  if (!principal) return 'none';
  const grants = acting ? [acting] : principal.grants;
  if (grants.some((g) => isStaffOf(g, record))) return 'staff';
  const citizen =
    onBehalfOf && grants.some((g) => g.role === 'counter_office') ? onBehalfOf : principal.nationalId;
  if (citizen && record.ownerNationalIds?.includes(citizen)) return 'owner';
  if (record.organisation && grants.some((g) => g.organisation === record.organisation))
    return 'organisation';
  return 'none';
}

function isStaffOf(grant: Grant, record: RecordScope): boolean {
  if (!MUNICIPAL_ROLES.includes(grant.role) || grant.municipality !== record.municipality) return false;
  return !grant.regions?.length || (record.region !== undefined && grant.regions.includes(record.region));
}
