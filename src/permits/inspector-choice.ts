import { inspectsHere, type InspectorCandidate } from './permit-inspection.decider.js';

export type { InspectorCandidate };

/**
 * The least-loaded inspector of the file's region: the fewest inspections assigned and not yet
 * reported, ties to the lowest user id, so that the same directory and load choose the same person.
 * Undefined when the region has none: the file waits in the municipality's unassigned list.
 */
export function chooseInspector(
  candidates: readonly InspectorCandidate[],
  municipality: string,
  region: string | undefined,
  openInspections: (userId: string) => number,
): string | undefined {
  const loads = candidates
    .filter((c) => inspectsHere(c, municipality, region))
    .map((c) => ({ userId: c.userId, load: openInspections(c.userId) }));
  loads.sort((a, b) => a.load - b.load || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
  return loads[0]?.userId;
}
