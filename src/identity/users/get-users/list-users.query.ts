import { Query } from '@nestjs/cqrs';
import type { Caller } from '../../auth/caller.decorator.js';
import type { PageResponse } from '../../../shared/http/pagination.js';
import type { UserResponseDto } from '../user.response.dto.js';
import type { GetUsersQueryDto } from './get-users.request.dto.js';

export class ListUsersQuery extends Query<PageResponse<UserResponseDto>> {
  constructor(
    readonly query: GetUsersQueryDto,
    readonly caller: Caller,
  ) {
    super();
  }
}
