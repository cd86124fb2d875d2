import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { listPage, type PageResponse } from '../../../shared/http/pagination.js';
import { toUserResponse, UserResponseDto } from '../user.response.dto.js';
import { UsersReadModel } from '../users.read-model.js';
import { ListUsersQuery } from './list-users.query.js';

@QueryHandler(ListUsersQuery)
export class ListUsersHandler implements IQueryHandler<ListUsersQuery> {
  constructor(private readonly users: UsersReadModel) {}

  async execute(query: ListUsersQuery): Promise<PageResponse<UserResponseDto>> {
    return this.page(query);
  }

  /** One page, read synchronously from the read model. */
  page({ query }: ListUsersQuery): PageResponse<UserResponseDto> {
    const { role, municipality, organisation } = query;
    return listPage(
      this.users,
      query,
      { some: { path: 'grants', where: { role, municipality, organisation } }, orderBy: 'username' },
      toUserResponse,
    );
  }
}
