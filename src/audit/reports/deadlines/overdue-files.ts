import type { DeadlineRow } from '../../../../projections/audit-reports/report-rows.js';
import type { Filters } from '../../../event-store/subscriptions/documents.js';
import { overdueFilters as overdueInquiries } from '../../../inquiries/list-inquiries/inquiry-worklist.js';
import { isOverdue } from '../../../inquiries/list-inquiries/inquiry-worklist.js';
import type { InquiriesReadModel } from '../../../inquiries/inquiries.read-model.js';
import { overdueFilters as overduePermits } from '../../../permits/list-permits/permit-sla.js';
import type { PermitsReadModel } from '../../../permits/permits.read-model.js';
import type { RuleSetsReadModel } from '../../../rule-sets/rule-sets.read-model.js';
import { todayInTehran } from '../../../shared/tehran-date.js';
import type { AuditArea } from '../../audit-scope.js';

/** The most overdue files (and as many inquiries) one municipality's report lists. */
export const MAX_OVERDUE = 5_000;

/** The overdue files of the areas, most overdue first; `truncated` when an area had more than MAX_OVERDUE. */
export interface Overdue {
  readonly rows: DeadlineRow[];
  readonly truncated: boolean;
}

/**
 * Files past the rule set's `sla` for their status and inquiries past their deadline at `now`, through
 * the worklists' own filters and indexes (municipality, status, stateSince; municipality, dueAt).
 */
export class OverdueFiles {
  constructor(
    private readonly permits: PermitsReadModel,
    private readonly inquiries: InquiriesReadModel,
    private readonly ruleSets: RuleSetsReadModel,
  ) {}

  rows(areas: readonly AuditArea[], now: string): Overdue {
    const lists = areas.flatMap((area) => [this.permitsOf(area, now), this.inquiriesOf(area, now)]);
    return {
      rows: lists.flatMap((list) => list.rows).sort((a, b) => b.overdueSeconds - a.overdueSeconds),
      truncated: lists.some((list) => list.truncated),
    };
  }

  private permitsOf(area: AuditArea, now: string): Overdue {
    const sla = this.ruleSets.inForce(area.municipality, todayInTehran(new Date(now)))?.sla;
    const filters = overduePermits(area.municipality, sla, now);
    // Each filter bounds stateSince by now minus the days its status is allowed.
    const allowedMs = new Map(
      filters.map((f) => [
        f['status'],
        Date.parse(now) - Date.parse(String((f['stateSince'] as { value: string }).value)),
      ]),
    );
    if (filters.length === 0) return { rows: [], truncated: false };
    const found = this.permits.list({
      anyOf: [inRegions(filters, area)],
      orderBy: 'stateSince',
      limit: MAX_OVERDUE + 1,
    }).items;
    return capped(found, (p) => {
      const dueAt = new Date(Date.parse(p.stateSince) + allowedMs.get(p.status)!).toISOString();
      return {
        process: 'permit' as const,
        id: p.permitId,
        municipality: p.municipality,
        region: p.region,
        renewalCode: p.renewalCode,
        stage: p.status,
        since: p.stateSince,
        dueAt,
        overdueSeconds: secondsBetween(dueAt, now),
        ...holder(p.status === 'surveying' ? p.surveyorId : p.clerkId),
      };
    });
  }

  private inquiriesOf(area: AuditArea, now: string): Overdue {
    const filters = overdueInquiries(true, now).map((f) => ({ ...f, municipality: area.municipality }));
    const found = this.inquiries
      .list({ anyOf: [inRegions(filters, area)], orderBy: 'dueAt', limit: MAX_OVERDUE + 1 })
      .items.filter((q) => isOverdue(q, now));
    return capped(found, (q) => ({
      process: 'inquiry' as const,
      id: q.inquiryId,
      municipality: q.municipality,
      region: q.region,
      renewalCode: q.renewalCode,
      stage: q.kind,
      since: q.filedAt,
      dueAt: q.dueAt,
      overdueSeconds: secondsBetween(q.dueAt, now),
    }));
  }
}

/** The first MAX_OVERDUE of a list read one further, and whether there was more. */
function capped<T>(found: readonly T[], row: (item: T) => DeadlineRow): Overdue {
  return { rows: found.slice(0, MAX_OVERDUE).map(row), truncated: found.length > MAX_OVERDUE };
}

/** The filters once per region of a region-bound area. */
function inRegions(filters: readonly Filters[], area: AuditArea): Filters[] {
  return area.regions === undefined
    ? [...filters]
    : filters.flatMap((f) => area.regions!.map((region) => ({ ...f, region })));
}

const holder = (id: string | undefined) => (id === undefined ? {} : { holderId: id });

const secondsBetween = (from: string, to: string) => Math.floor((Date.parse(to) - Date.parse(from)) / 1000);
