import type { PermitFileStatus } from '../permit.state.js';
import type { Filters } from '../../event-store/subscriptions/documents.js';
import type { Principal } from '../../identity/principal.js';
import { MUNICIPAL_ROLES, type Grant, type Role } from '../../identity/roles.js';
import { DomainError } from '../../shared/domain-error.js';
import type { PermitsOrder } from '../permits.read-model.js';

/** Filters every file in the list matches; undefined values filter nothing. */
export type WorklistFilters = Readonly<Record<string, string | undefined>>;

/** Which files a worklist (کارتابل) holds: disjoint clauses, and the order it shows them in. */
export interface Worklist {
  readonly clauses: readonly Filters[];
  readonly order: PermitsOrder;
}

const byStatus = (statuses: readonly PermitFileStatus[]): Filters[] => statuses.map((status) => ({ status }));

/** What a role acts on, when it names no status: one clause per kind of file waiting for it. */
const QUEUES: Partial<Record<Role, readonly Filters[]>> = {
  clerk: [
    ...byStatus(['submitted', 'under_review', 'surveyed', 'design_submitted', 'in_commission']),
    // A non-compliant completion inspection goes to the commission (کمیسیون ماده ۱۰۰) through the clerk.
    { status: 'inspected', 'inspection.compliant': false },
  ],
  signatory: [
    ...byStatus(['paid', 'fine_paid']),
    // Fees of zero need no payment before the permit is signed.
    { status: 'fees_assessed', 'fees.outstanding': 0 },
    { status: 'inspected', 'inspection.compliant': true },
  ],
  cashier: byStatus(['fees_assessed', 'fine_due']),
};

/** The files the caller may list under their acting grant, before any status filter. */
function scopeOf(principal: Principal, grant: Grant, onBehalfOf: string | undefined): Filters[] {
  const { role, municipality } = grant;
  switch (role) {
    case 'surveyor':
      return [{ municipality, surveyorId: principal.id }];
    case 'inspector':
      return [{ municipality, inspectorId: principal.id }];
    case 'citizen':
      return principal.nationalId ? [{ applicantNationalId: principal.nationalId }] : [];
    case 'counter_office':
      if (!onBehalfOf) {
        throw new DomainError(
          'PERMIT.ON_BEHALF_OF_REQUIRED',
          'Name the citizen you act for in X-On-Behalf-Of',
          'invalid',
        );
      }
      return [{ applicantNationalId: onBehalfOf }];
    case 'engineer':
      // As `readerOf` for engineers; disjoint: the second clause holds only files nominated to nobody.
      if (!grant.organisation) return [];
      return [
        { 'nominee.organisation': grant.organisation },
        { 'nominee.organisation': null, 'design.engineerId': principal.id },
      ];
    default:
      if (!MUNICIPAL_ROLES.includes(role)) return [];
      return grant.regions?.length
        ? grant.regions.map((region) => ({ municipality, region }))
        : [{ municipality }];
  }
}

/** Both clauses at once, or undefined when they ask for different values of one field. */
function both(a: Filters, b: Filters): Filters | undefined {
  const merged: Record<string, Filters[string]> = { ...a };
  for (const [path, value] of Object.entries(b)) {
    if (value === undefined) continue;
    if (merged[path] !== undefined && merged[path] !== value) return undefined;
    merged[path] = value;
  }
  return merged;
}

/**
 * A caller's worklist: staff see their municipality's files (and regions, when their grant names
 * some), a surveyor the files assigned to them, a citizen their own, a counter office those of the
 * citizen it acts for, an engineer the files their office is nominated for. Without
 * `statuses`, clerks, signatories and cashiers see what waits for them. Staff see the longest
 * waiting first, others the latest change first.
 */
export function worklistOf(
  principal: Principal,
  grant: Grant,
  onBehalfOf: string | undefined,
  statuses: readonly PermitFileStatus[] | undefined,
  filters: WorklistFilters,
): Worklist {
  const queue = statuses ? byStatus([...new Set(statuses)]) : (QUEUES[grant.role] ?? [{}]);
  const clauses = scopeOf(principal, grant, onBehalfOf)
    .flatMap((scope) => queue.map((wanted) => both(scope, wanted)))
    .map((clause) => clause && both(clause, filters))
    .filter((clause): clause is Filters => clause !== undefined);
  const staff = MUNICIPAL_ROLES.includes(grant.role);
  return {
    clauses,
    order: staff ? { orderBy: 'stateSince', descending: false } : { orderBy: 'updatedAt', descending: true },
  };
}
