import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Filters } from '../../event-store/subscriptions/documents.js';
import { listPage, type PageResponse } from '../../shared/http/pagination.js';
import { PermitsReadModel } from '../permits.read-model.js';
import { toInspectionDue, type InspectionDueDto } from './inspection-due.response.dto.js';
import { STAGE_UNDER_WAY } from './inspection-worklist.js';
import { ListInspectionsQuery } from './list-inspections.query.js';

@QueryHandler(ListInspectionsQuery)
export class ListInspectionsHandler implements IQueryHandler<ListInspectionsQuery> {
  constructor(private readonly permits: PermitsReadModel) {}

  async execute({ caller, filter }: ListInspectionsQuery): Promise<PageResponse<InspectionDueDto>> {
    // The roles policy guarantees a principal and the grant it acts under.
    const grant = caller.grant!;
    const { municipality } = grant;
    const scope: Filters[] =
      grant.role === 'inspector'
        ? [{ municipality, inspectorId: caller.signedIn.id }]
        : (grant.regions?.length
            ? grant.regions.map((region) => ({ municipality, region }))
            : [{ municipality }]
          ).map((clause) => ({ ...clause, ...(filter.unassigned === 'true' ? { inspectorId: null } : {}) }));
    // The earliest deadline first, so the overdue lead; for staff, files waiting for an inspector (no deadline) first.
    return listPage(
      this.permits,
      filter,
      { where: STAGE_UNDER_WAY, anyOf: [scope], orderBy: 'inspectionDueBy' },
      (permit) => toInspectionDue(permit, caller.now),
    );
  }
}
