import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { canonicalMobile, canonicalNationalId } from '../../personal-details.js';
import { userNotFound } from '../user.decider.js';
import { UserAccounts } from '../user-accounts.service.js';
import { toUserResponse, UserResponseDto } from '../user.response.dto.js';
import { UsersReadModel } from '../users.read-model.js';
import { toGrant } from '../grant.dto.js';
import { CreateUserCommand } from './create-user.command.js';

@CommandHandler(CreateUserCommand)
export class CreateUserHandler implements ICommandHandler<CreateUserCommand> {
  constructor(
    private readonly accounts: UserAccounts,
    private readonly users: UsersReadModel,
  ) {}

  async execute({ request, caller }: CreateUserCommand): Promise<UserResponseDto> {
    const { userId } = await this.accounts.create(
      {
        username: request.username,
        displayName: request.displayName.trim(),
        password: request.password,
        grants: request.grants.map(toGrant),
        ...(request.nationalId !== undefined ? { nationalId: canonicalNationalId(request.nationalId) } : {}),
        ...(request.mobile !== undefined ? { mobile: canonicalMobile(request.mobile) } : {}),
        origin: 'admin',
      },
      caller.commandContext(),
    );
    return toUserResponse(this.users.getOr(userId, userNotFound));
  }
}
