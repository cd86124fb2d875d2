import type { DeadlineRow } from '../../../projections/audit-reports/report-rows.js';
import type { Grant } from '../../identity/roles.js';
import type { InspectionStage } from '../../rule-sets/rule-set.js';

/** A member of staff who may hold files of a municipality's worklist (کارتابل). */
export interface StaffMember {
  readonly userId: string;
  readonly grants: readonly Grant[];
}

/** A stage of construction past its inspection deadline, held by the inspector assigned to it. */
export interface OverdueInspection {
  readonly process: 'inspection';
  /** The permit id. */
  readonly id: string;
  readonly municipality: string;
  readonly region: string;
  readonly stage: InspectionStage;
  readonly dueAt: string;
  readonly holderId?: string;
}

/** An overdue file or inquiry of the deadlines report, or an overdue stage inspection. */
export type OverdueRow = DeadlineRow | OverdueInspection;

/** Who may hold a file with a deadline: clerks review and answer, surveyors visit; inspectors hold stages. */
const HOLDERS = new Set(['clerk', 'surveyor']);
const INSPECTORS = new Set(['inspector']);
const CLERKS = new Set(['clerk']);

/**
 * Whose overdue file each row is: the clerk, surveyor or inspector holding it; a file nobody holds (a
 * new submission, an inquiry, the file of someone who left) is every clerk's of its municipality and region.
 */
export function digestsOf(
  rows: readonly OverdueRow[],
  staff: readonly StaffMember[],
): Map<string, OverdueRow[]> {
  const digests = new Map<string, OverdueRow[]>();
  const add = (userId: string, row: OverdueRow) => digests.set(userId, [...(digests.get(userId) ?? []), row]);
  for (const row of rows) {
    const roles = row.process === 'inspection' ? INSPECTORS : HOLDERS;
    const holder =
      row.holderId && staff.find((member) => member.userId === row.holderId && holds(member, row, roles));
    if (holder) {
      add(holder.userId, row);
      continue;
    }
    // Nobody holds it, or its holder left (disabled, or no longer on the municipality's or region's staff).
    for (const member of staff) if (holds(member, row, CLERKS)) add(member.userId, row);
  }
  return digests;
}

function holds(member: StaffMember, row: OverdueRow, roles: ReadonlySet<string>): boolean {
  return member.grants.some(
    (g) =>
      roles.has(g.role) &&
      g.municipality === row.municipality &&
      (g.regions === undefined || (row.region !== undefined && g.regions.includes(row.region))),
  );
}
