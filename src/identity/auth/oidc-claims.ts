import { feedScopeProblem, type FeedScope } from '../feed-scope.js';
import { normalizeNationalId } from '../national-id.js';
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
  /** The claim holding an integrator's feed scope (an object like a grant's `feed`); absent: no scope. */
  readonly feedClaim: string;
  /**
   * The claim that carries a proven national id (کد ملی): the national single sign-on has proven the
   * person, so they are a citizen with that id and need no SMS code.
   */
  readonly nationalIdClaim: string | undefined;
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

/** An external role name, and the scope it names after its last `@` (`signatory@hamedan`), if any. */
function scopedRole(
  name: string,
  roleMap: Readonly<Record<string, Role>>,
): { readonly role: Role; readonly scope?: string } | undefined {
  const whole = daftarRole(name, roleMap);
  if (whole) return { role: whole };
  const at = name.lastIndexOf('@');
  const role = at > 0 ? daftarRole(name.slice(0, at), roleMap) : undefined;
  const scope = name.slice(at + 1);
  return role && scope ? { role, scope } : undefined;
}

/**
 * The grants a token's claims carry, each with its own scope. A role claim names its scope after `@`:
 * the municipality of a staff role (`signatory@hamedan`), the organisation of an organisation role
 * (`notary@notary-office-12`). A role named without one takes the municipality or organisation claim
 * only when that claim holds a single value, so that roles and scopes given as separate lists are never
 * paired up (a clerk of one city who is a signatory of another must not become a signatory of both).
 * A grant whose scope does not fit its role is dropped, as are duplicates; whether the scope exists
 * is the directory's to say (see `Authenticator`).
 */
export function grantsFromClaims(
  claims: Readonly<Record<string, unknown>>,
  mapping: OidcClaimMapping,
): Grant[] {
  const only = (values: string[]) => (values.length === 1 ? values[0] : undefined);
  const municipality = only(names(claimAt(claims, mapping.municipalityClaim)));
  const organisation = only(names(claimAt(claims, mapping.organisationClaim)));
  const grants: Grant[] = [];
  for (const external of names(claimAt(claims, mapping.rolesClaim))) {
    const scoped = scopedRole(external, mapping.roleMap);
    if (!scoped) continue;
    const { role } = scoped;
    const byOrganisation = ORGANISATION_ROLES.includes(role);
    const fallback = byOrganisation
      ? organisation
      : MUNICIPAL_ROLES.includes(role)
        ? municipality
        : undefined;
    const scope = scoped.scope ?? fallback;
    // A scope on a role that takes none is kept, so that grantProblem refuses it.
    const plain: Grant = !scope
      ? { role }
      : byOrganisation
        ? { role, organisation: scope }
        : { role, municipality: scope };
    const grant = role === 'integrator' ? withFeed(plain, claimAt(claims, mapping.feedClaim)) : plain;
    if (!grant) continue;
    if (grantProblem(grant) === undefined && !grants.some((g) => sameGrant(g, grant))) grants.push(grant);
  }
  return grants;
}

/**
 * An integrator grant with the feed scope its token carries. A malformed scope drops the grant: read
 * as none, it would widen what the issuer meant to narrow.
 */
function withFeed(grant: Grant, claim: unknown): Grant | undefined {
  if (claim === undefined) return grant;
  return feedScopeProblem(claim) === undefined ? { ...grant, feed: claim as FeedScope } : undefined;
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
  const claimed =
    mapping.nationalIdClaim === undefined ? undefined : claimAt(claims, mapping.nationalIdClaim);
  const nationalId = typeof claimed === 'string' ? normalizeNationalId(claimed) : undefined;
  const grants = grantsFromClaims(claims, mapping);
  const citizen: Grant = { role: 'citizen' };
  return {
    kind: 'user',
    id: `oidc:${claims.sub}`,
    displayName: text('name') ?? username ?? claims.sub,
    ...(username ? { username } : {}),
    ...(nationalId ? { nationalId } : {}),
    grants: nationalId && !grants.some((g) => sameGrant(g, citizen)) ? [...grants, citizen] : grants,
    authenticatedBy: 'oidc',
  };
}
