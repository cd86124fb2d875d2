import type { InspectionViolation } from './permit.events.js';
import type { PermitView } from './permits.read-model.js';

export const violationPhotos = (violations: readonly Pick<InspectionViolation, 'photos'>[]) =>
  violations.flatMap((violation) => violation.photos ?? []);

/**
 * The stored files the records made on site cite, by SHA-256, with the name each downloads under: the
 * survey's photos, the supervising engineer's stage-report papers, the inspections' photos. Unlike the
 * applicant's papers they are for whoever reads the file.
 */
export function siteRecordFiles(permit: PermitView): ReadonlyMap<string, string> {
  const named = (prefix: string, hashes: readonly string[]) =>
    hashes.map((sha256): [string, string] => [sha256, `${prefix}-${sha256.slice(0, 12)}`]);
  const stages = permit.inspectionStages ?? [];
  return new Map([
    ...named('site-photo', permit.survey?.photos ?? []),
    ...named(
      'stage-report',
      stages.flatMap((s) => s.engineerReports.flatMap((r) => r.attachments ?? [])),
    ),
    ...named(
      'inspection-photo',
      stages.flatMap((s) =>
        s.inspection ? [...s.inspection.photos, ...violationPhotos(s.inspection.violations)] : [],
      ),
    ),
    ...named('inspection-photo', violationPhotos(permit.inspection?.violations ?? [])),
  ]);
}
