import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AuditTrail } from '../../../audit/audit-trail.js';
import { pageOf, pageWindow, type PageResponse } from '../../../shared/http/pagination.js';
import { toUserResponse, UserResponseDto } from '../user.response.dto.js';
import { UsersReadModel } from '../users.read-model.js';
import { ListUsersQuery } from './list-users.query.js';
import { profileAccess } from './profile-access.js';

@QueryHandler(ListUsersQuery)
export class ListUsersHandler implements IQueryHandler<ListUsersQuery> {
  constructor(
    private readonly users: UsersReadModel,
    private readonly trail: AuditTrail,
  ) {}

  async execute(query: ListUsersQuery): Promise<PageResponse<UserResponseDto>> {
    return this.page(query);
  }

  /** One page, read synchronously from the read model; each citizen's profile on it is a recorded read. */
  page({ query, caller }: ListUsersQuery): PageResponse<UserResponseDto> {
    const { role, municipality, organisation } = query;
    const found = this.users.list({
      some: { path: 'grants', where: { role, municipality, organisation } },
      orderBy: 'username',
      ...pageWindow(query, 'username'),
    });
    this.trail.accessedAll(
      caller,
      found.items.flatMap((user) => profileAccess(user) ?? []),
    );
    return pageOf(found, query, 'username', toUserResponse);
  }
}
