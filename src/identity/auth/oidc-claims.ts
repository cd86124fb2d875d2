import type { Principal } from '../principal.js';
import {
  grantProblem,
  isRole,
  MUNICIPAL_ROLES,
  ORGANISATION_ROLES,
  sameGrant,
  type Grant,
  type Role,
} from '../roles.js';

/** How the claims of an external identity provider's tokens become Daftar roles and scopes. */
export interface OidcClaimMapping {
  readonly rolesClaim: string;
  readonly municipalityClaim: string;
  readonly organisationClaim: string;
  readonly roleMap: Readonly<Record<string, Role>>;
}

/**
 * The value of a claim: the claim of that exact name if there is one (namespaced claims such as
 * `https://daftar.example/roles` contain dots), else the dotted path walked into nested objects.
 */
export function claimAt(claims: Readonly<Record<string, unknown>>, path: string): unknown {
  if (Object.hasOwn(claims, path)) return claims[path];
  let value: unknown = claims;
  for (const segment of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/** A claim holding one name or a list of names; anything else counts as absent. */
function names(value: unknown): string[] {
  if (typeof value === 'string') return value ? [value] : [];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v !== '');
  return [];
}

/** The Daftar role of an external role name: mapped, already a Daftar role, or none (ignored). */
export function daftarRole(external: string, roleMap: Readonly<Record<string, Role>>): Role | undefined {
  if (Object.hasOwn(roleMap, external)) return roleMap[external];
  return isRole(external) ? external : undefined;
}

/**
 * The grants a token's claims carry. Municipal staff roles are scoped to the municipality claim,
 * organisation roles to the organisation claim (one grant per value when the claim is a list), other
 * roles to nothing; a grant that then lacks the scope its role needs is dropped, as are duplicates.
 */
export function grantsFromClaims(
  claims: Readonly<Record<string, unknown>>,
  mapping: OidcClaimMapping,
): Grant[] {
  const municipalities = names(claimAt(claims, mapping.municipalityClaim));
  const organisations = names(claimAt(claims, mapping.organisationClaim));
  const grants: Grant[] = [];
  for (const external of names(claimAt(claims, mapping.rolesClaim))) {
    const role = daftarRole(external, mapping.roleMap);
    if (!role) continue;
    const candidates: Grant[] = MUNICIPAL_ROLES.includes(role)
      ? municipalities.map((municipality) => ({ role, municipality }))
      : ORGANISATION_ROLES.includes(role)
        ? organisations.map((organisation) => ({ role, organisation }))
        : [{ role }];
    for (const grant of candidates) {
      if (grantProblem(grant) === undefined && !grants.some((g) => sameGrant(g, grant))) grants.push(grant);
    }
  }
  return grants;
}

/** The principal of a verified token whose subject is `sub`. */
export function principalFromClaims(
  claims: Readonly<Record<string, unknown>> & { readonly sub: string },
  mapping: OidcClaimMapping,
): Principal {
  const text = (name: string) => {
    const value = claims[name];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const username = text('preferred_username');
  return {
    kind: 'user',
    id: `oidc:${claims.sub}`,
    displayName: text('name') ?? username ?? claims.sub,
    ...(username ? { username } : {}),
    grants: grantsFromClaims(claims, mapping),
    authenticatedBy: 'oidc',
  };
}
