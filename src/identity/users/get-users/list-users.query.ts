import { Query } from '@nestjs/cqrs';
import type { PageResponse } from '../../../shared/http/pagination.js';
import type { UserResponseDto } from '../user.response.dto.js';
import type { GetUsersQueryDto } from './get-users.request.dto.js';

export class ListUsersQuery extends Query<PageResponse<UserResponseDto>> {
  constructor(readonly query: GetUsersQueryDto) {
    super();
  }
}
