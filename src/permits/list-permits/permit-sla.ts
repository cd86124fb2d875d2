import type { PermitFileStatus } from '../permit.state.js';
import type { Filters } from '../../event-store/subscriptions/documents.js';
import type { RuleSet } from '../../rule-sets/rule-set.js';

const DAY_MS = 86_400_000;

/** The step of the rule set's `sla` (days) that bounds each status the municipality must act in. */
const SLA_STEP: Partial<Record<PermitFileStatus, string>> = {
  submitted: 'review',
  under_review: 'review',
  surveying: 'siteVisit',
  surveyed: 'mapOrder',
  design_submitted: 'designReview',
  paid: 'issuance',
};

/**
 * The files of a municipality in their status longer than its rule set allows at `now`, in calendar
 * days: one filter per bounded status, so the read model selects them itself.
 */
export function overdueFilters(
  municipality: string,
  sla: RuleSet['sla'] | undefined,
  now: string,
): Filters[] {
  return Object.entries(SLA_STEP).flatMap(([status, step]) => {
    const days = sla?.[step];
    if (days === undefined) return [];
    const since = new Date(Date.parse(now) - days * DAY_MS).toISOString();
    return [{ municipality, status, stateSince: { op: '<', value: since } }];
  });
}
