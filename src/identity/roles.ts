import { feedScopeProblem, type FeedScope } from './feed-scope.js';

/** Every role a principal can hold. */
export const ROLES = [
  'citizen',
  'counter_office',
  'clerk',
  'surveyor',
  'inspector',
  'engineer',
  'signatory',
  'cashier',
  'notary',
  'bank',
  'utility',
  'oversight',
  'admin',
  'integrator',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * Municipal staff: scoped to a municipality, optionally to some of its regions. An inspector is the
 * municipal building inspector (بازرس ساختمان), who inspects the stages of construction.
 */
export const MUNICIPAL_ROLES: readonly Role[] = [
  'clerk',
  'surveyor',
  'inspector',
  'signatory',
  'cashier',
  'oversight',
];
/** Scoped to an organisation: a notary office (دفتر اسناد رسمی), bank, utility, counter office (دفتر پیشخوان), … */
export const ORGANISATION_ROLES: readonly Role[] = [
  'notary',
  'bank',
  'utility',
  'integrator',
  'counter_office',
  'engineer',
];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Roles that may be held for a whole province (استان): every municipality registered in it. */
export const PROVINCIAL_ROLES: readonly Role[] = ['oversight'];

/** A role held in a scope. */
export interface Grant {
  readonly role: Role;
  readonly municipality?: string;
  /** Instead of a municipality, for provincial roles; a principal holds it as one grant per city. */
  readonly province?: string;
  readonly regions?: readonly string[];
  readonly organisation?: string;
  /** Integrators only: what of the feed they read; absent, every published event without personal data. */
  readonly feed?: FeedScope;
}

/** The scope a role needs, or a message saying what is wrong with the grant. */
export function grantProblem(grant: Grant): string | undefined {
  if (grant.feed !== undefined) {
    if (grant.role !== 'integrator') return `Only the integrator role reads the feed by a scope`;
    const problem = feedScopeProblem(grant.feed);
    if (problem) return problem;
  }
  if (grant.province !== undefined) {
    if (!PROVINCIAL_ROLES.includes(grant.role)) return `Role ${grant.role} is not held for a province`;
    if (grant.municipality || grant.organisation || grant.regions?.length)
      return 'A provincial grant names only its province';
    return undefined;
  }
  if (MUNICIPAL_ROLES.includes(grant.role)) {
    if (!grant.municipality) return `Role ${grant.role} needs a municipality`;
    if (grant.organisation) return `Role ${grant.role} is not held for an organisation`;
    return undefined;
  }
  if (grant.regions?.length) return `Only municipal staff roles are limited to regions`;
  if (ORGANISATION_ROLES.includes(grant.role)) {
    return grant.organisation ? undefined : `Role ${grant.role} needs an organisation`;
  }
  return grant.municipality || grant.organisation ? `Role ${grant.role} takes no scope` : undefined;
}

/** The same role in the same place; an integrator's feed scope aside (see `sameFeedScope`). */
export function sameGrant(a: Grant, b: Grant): boolean {
  return (
    a.role === b.role &&
    a.municipality === b.municipality &&
    a.province === b.province &&
    a.organisation === b.organisation
  );
}

/** Whether two feed scopes let read the same: each list holds the same names, or both are absent. */
export function sameFeedScope(a: FeedScope | undefined, b: FeedScope | undefined): boolean {
  return FEED_SCOPE_LISTS.every((key) => sameNames(a?.[key], b?.[key]));
}

const FEED_SCOPE_LISTS = ['municipalities', 'categories', 'types', 'pii'] as const;

function sameNames(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((name) => b.includes(name)) && b.every((name) => a.includes(name));
}
