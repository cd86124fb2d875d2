import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AuditTrail } from '../../../audit/audit-trail.js';
import { UsersReadModel } from '../users.read-model.js';
import { userNotFound } from '../user.decider.js';
import { toUserResponse, UserResponseDto } from '../user.response.dto.js';
import { GetUserQuery } from './get-user.query.js';
import { profileAccess } from './profile-access.js';

@QueryHandler(GetUserQuery)
export class GetUserHandler implements IQueryHandler<GetUserQuery> {
  constructor(
    private readonly users: UsersReadModel,
    private readonly trail: AuditTrail,
  ) {}

  async execute({ id, caller }: GetUserQuery): Promise<UserResponseDto> {
    const user = this.users.getOr(id, userNotFound);
    const access = profileAccess(user);
    if (access) this.trail.accessed(caller, access);
    return toUserResponse(user);
  }
}
