import type { InquiryView, InquiryStatus } from '../../../projections/inquiries/inquiries.projection.js';
import type { Filters } from '../../event-store/subscriptions/documents.js';
import type { Principal } from '../../identity/principal.js';
import type { Grant } from '../../identity/roles.js';

/** Which inquiries a list holds, in what order, and the regions a region-bound clerk is limited to. */
export interface InquiryWorklist {
  readonly where: Filters;
  readonly orderBy: 'dueAt' | 'filedAt';
  readonly descending: boolean;
  readonly regions?: readonly string[];
}

/**
 * A caller's inquiries: an organisation's (its people and keys alike), a citizen's own (or, to a counter
 * office acting for them, theirs), or the municipality's for its staff, clerks by default only those
 * waiting for them (کارتابل), the nearest deadline first; requesters see the latest filed first.
 * Undefined: the caller has none.
 */
export function inquiryWorklist(
  principal: Principal,
  grant: Grant,
  status: InquiryStatus | undefined,
  filters: Filters,
  onBehalfOf?: string,
): InquiryWorklist | undefined {
  const staff = grant.role === 'clerk' || grant.role === 'oversight';
  const scope: Filters | undefined = staff
    ? { municipality: grant.municipality }
    : grant.role === 'counter_office'
      ? onBehalfOf === undefined
        ? undefined
        : { requesterNationalId: onBehalfOf }
      : grant.organisation
        ? { organisation: grant.organisation }
        : principal.nationalId
          ? { requesterNationalId: principal.nationalId }
          : undefined;
  if (!scope) return undefined;
  const wanted = status ?? (grant.role === 'clerk' ? 'awaiting_clerk' : undefined);
  return {
    where: { ...filters, ...scope, status: wanted },
    ...(staff ? { orderBy: 'dueAt', descending: false } : { orderBy: 'filedAt', descending: true }),
    ...(staff && grant.regions?.length ? { regions: grant.regions } : {}),
  };
}

/** The inquiries overdue (or, with false, the others) at `now`, as alternatives the read model selects. */
export function overdueFilters(overdue: boolean, now: string): Filters[] {
  return overdue
    ? [{ status: { op: '<>', value: 'answered' }, dueAt: { op: '<', value: now } }]
    : [{ status: 'answered' }, { dueAt: { op: '>=', value: now } }];
}

/** Not answered by the rule set's deadline for its kind. */
export const isOverdue = (inquiry: Pick<InquiryView, 'status' | 'dueAt'>, now: string): boolean =>
  inquiry.status !== 'answered' && Date.parse(inquiry.dueAt) < Date.parse(now);
