import type { DeadlineRow } from '../../../projections/audit-reports/report-rows.js';
import type { Grant } from '../../identity/roles.js';

/** A member of staff who may hold files of a municipality's worklist (کارتابل). */
export interface StaffMember {
  readonly userId: string;
  readonly grants: readonly Grant[];
}

/** Roles whose worklists have deadlines: clerks review and answer, surveyors visit. */
const WORKLIST_ROLES = new Set(['clerk', 'surveyor']);

/**
 * Whose overdue file each row is: the clerk or surveyor holding it; a file nobody holds (a new
 * submission, an inquiry, the file of someone who left) is every clerk's of its municipality and region.
 */
export function digestsOf(
  rows: readonly DeadlineRow[],
  staff: readonly StaffMember[],
): Map<string, DeadlineRow[]> {
  const digests = new Map<string, DeadlineRow[]>();
  const add = (userId: string, row: DeadlineRow) =>
    digests.set(userId, [...(digests.get(userId) ?? []), row]);
  for (const row of rows) {
    const holder =
      row.holderId && staff.find((member) => member.userId === row.holderId && holds(member, row));
    if (holder) {
      add(holder.userId, row);
      continue;
    }
    // Nobody holds it, or its holder left (disabled, or no longer on the municipality's staff).
    for (const member of staff) if (holds(member, row, 'clerk')) add(member.userId, row);
  }
  return digests;
}

function holds(member: StaffMember, row: DeadlineRow, role?: string): boolean {
  return member.grants.some(
    (g) =>
      (role === undefined ? WORKLIST_ROLES.has(g.role) : g.role === role) &&
      g.municipality === row.municipality &&
      (g.regions === undefined || (row.region !== undefined && g.regions.includes(row.region))),
  );
}
