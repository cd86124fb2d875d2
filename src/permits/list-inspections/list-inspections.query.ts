import { Query } from '@nestjs/cqrs';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import type { PageResponse } from '../../shared/http/pagination.js';
import type { ListInspectionsQueryDto } from './list-inspections.request.dto.js';
import type { InspectionDueDto } from './inspection-due.response.dto.js';

/** The inspections waiting: an inspector's own, or their municipality's for clerks and oversight. */
export class ListInspectionsQuery extends Query<PageResponse<InspectionDueDto>> {
  constructor(
    readonly caller: Caller,
    readonly filter: ListInspectionsQueryDto,
  ) {
    super();
  }
}
