import { Query } from '@nestjs/cqrs';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import type { PaginationQueryDto } from '../../shared/http/pagination.js';
import type { AccessLogPageDto } from './access-log.response.dto.js';

export class GetAccessLogQuery extends Query<AccessLogPageDto> {
  constructor(
    readonly caller: Caller,
    readonly page: PaginationQueryDto,
  ) {
    super();
  }
}
