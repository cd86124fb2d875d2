import { Query } from '@nestjs/cqrs';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import type { PageResponse } from '../../shared/http/pagination.js';
import type { ListPermitsQueryDto } from './list-permits.request.dto.js';
import type { PermitSummaryDto } from './permit-summary.response.dto.js';

/** The caller's worklist (کارتابل), or the files of the statuses asked for. */
export class ListPermitsQuery extends Query<PageResponse<PermitSummaryDto>> {
  constructor(
    readonly caller: Caller,
    readonly filter: ListPermitsQueryDto,
  ) {
    super();
  }
}
