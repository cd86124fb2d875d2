import type { PermitFileStatus } from '../../../projections/permits/permits.projection.js';
import type { RuleSet } from '../../rule-sets/rule-set.js';
import type { PermitDocument } from '../permits.read-model.js';

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

/** Whether the file has been in its status longer than the rule set allows, in calendar days. */
export function isOverdue(permit: PermitDocument, sla: RuleSet['sla'] | undefined, now: string): boolean {
  const step = SLA_STEP[permit.status];
  const days = step === undefined ? undefined : sla?.[step];
  return days !== undefined && Date.parse(permit.stateSince) + days * DAY_MS < Date.parse(now);
}
