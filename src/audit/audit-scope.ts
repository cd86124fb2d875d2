import type { Principal } from '../identity/principal.js';
import type { Grant } from '../identity/roles.js';
import { DomainError } from '../shared/domain-error.js';

/** A municipality an oversight manager (ناظر) may audit, whole or only some of its regions. */
export interface AuditArea {
  readonly municipality: string;
  /** Absent: the whole municipality. */
  readonly regions?: readonly string[];
}

/**
 * What a principal may audit: the municipalities of its oversight grants (a provincial grant already
 * stands for one per city), merged so that a whole-city grant wins over a regional one.
 */
export function auditAreasOf(principal: Principal): AuditArea[] {
  const areas = new Map<string, AuditArea>();
  for (const grant of principal.grants) {
    if (grant.role !== 'oversight' || !grant.municipality) continue;
    const held = areas.get(grant.municipality);
    const whole = !grant.regions?.length || (held !== undefined && held.regions === undefined);
    const regions = whole ? undefined : [...new Set([...(held?.regions ?? []), ...grant.regions!])];
    areas.set(grant.municipality, { municipality: grant.municipality, ...(regions ? { regions } : {}) });
  }
  return [...areas.values()].sort((a, b) => a.municipality.localeCompare(b.municipality));
}

/**
 * The areas a search covers once it asks for one municipality or region: only inside the caller's own;
 * asking for another is 403, so that a manager can tell "nothing happened" from "not yours to see".
 */
export function narrowedAreas(
  areas: readonly AuditArea[],
  asked: { readonly municipality?: string; readonly region?: string },
): AuditArea[] {
  const chosen =
    asked.municipality === undefined ? areas : areas.filter((a) => a.municipality === asked.municipality);
  if (asked.municipality !== undefined && chosen.length === 0) throw outOfScope(asked);
  if (asked.region === undefined) return [...chosen];
  const narrowed = chosen.filter((a) => a.regions === undefined || a.regions.includes(asked.region!));
  if (narrowed.length === 0) throw outOfScope(asked);
  return narrowed.map((a) => ({ municipality: a.municipality, regions: [asked.region!] }));
}

/** Whether an entry's place lies in the areas: its municipality whole, or one of its regions. */
export function placeInAreas(
  place: { readonly municipality: string | null; readonly region: string | null },
  areas: readonly AuditArea[],
): boolean {
  const area = areas.find((a) => a.municipality === place.municipality);
  return area !== undefined && (area.regions === undefined || area.regions.includes(place.region ?? ''));
}

/**
 * Where a user's grant lies against the areas: `within` them whole (a whole-city grant in a whole-city
 * area, or regions all among the area's), only `partly` (a whole-city grant, or some of its regions, in an
 * area of regions), or `outside`.
 */
export function grantInAreas(grant: Grant, areas: readonly AuditArea[]): 'within' | 'partly' | 'outside' {
  const area = areas.find((a) => a.municipality === grant.municipality);
  if (area === undefined) return 'outside';
  if (area.regions === undefined) return 'within';
  const regions = grant.regions ?? [];
  if (regions.length > 0 && regions.every((r) => area.regions!.includes(r))) return 'within';
  return regions.length === 0 || regions.some((r) => area.regions!.includes(r)) ? 'partly' : 'outside';
}

function outOfScope(asked: { readonly municipality?: string; readonly region?: string }): DomainError {
  const where = [asked.municipality, asked.region && `region ${asked.region}`].filter(Boolean).join(', ');
  return new DomainError('AUDIT.OUT_OF_SCOPE', `Your oversight grants do not cover ${where}`, 'forbidden', {
    ...asked,
  });
}
