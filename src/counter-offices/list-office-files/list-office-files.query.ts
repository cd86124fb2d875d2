import { Query } from '@nestjs/cqrs';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import type { PageResponse } from '../../shared/http/pagination.js';
import type { ListOfficeFilesQueryDto } from './list-office-files.request.dto.js';
import type { OfficeFileDto } from './office-file.response.dto.js';

/** The calling counter office's worklist (کارتابل): what it opened or acted on for citizens. */
export class ListOfficeFilesQuery extends Query<PageResponse<OfficeFileDto>> {
  constructor(
    readonly caller: Caller,
    readonly filter: ListOfficeFilesQueryDto,
  ) {
    super();
  }
}
