import type { Filters } from '../../event-store/subscriptions/documents.js';

/** A file with a stage under way; a missing field never compares. */
export const STAGE_UNDER_WAY = { inspectionStage: { op: '<>', value: '' } } as const;

/**
 * The stages past their deadline at `now`: assigned (an unassigned stage has no `inspectionDueBy`) and
 * not yet inspected (an inspected stage is no longer the one under way).
 */
export const overdueInspections = (now: string): Filters => ({
  ...STAGE_UNDER_WAY,
  inspectionDueBy: { op: '<', value: now },
});
