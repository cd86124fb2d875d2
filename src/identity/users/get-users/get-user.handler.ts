import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { UsersReadModel } from '../users.read-model.js';
import { userNotFound } from '../user.decider.js';
import { toUserResponse, UserResponseDto } from '../user.response.dto.js';
import { GetUserQuery } from './get-user.query.js';

@QueryHandler(GetUserQuery)
export class GetUserHandler implements IQueryHandler<GetUserQuery> {
  constructor(private readonly users: UsersReadModel) {}

  async execute({ id }: GetUserQuery): Promise<UserResponseDto> {
    return toUserResponse(this.users.getOr(id, userNotFound));
  }
}
