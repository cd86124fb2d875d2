import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { toGrant } from '../grant.dto.js';
import { userNotFound } from '../user.decider.js';
import { UserAccounts } from '../user-accounts.service.js';
import { toUserResponse, UserResponseDto } from '../user.response.dto.js';
import { UsersReadModel } from '../users.read-model.js';
import { GrantRoleCommand } from './grant-role.command.js';

@CommandHandler(GrantRoleCommand)
export class GrantRoleHandler implements ICommandHandler<GrantRoleCommand> {
  constructor(
    private readonly accounts: UserAccounts,
    private readonly users: UsersReadModel,
  ) {}

  async execute({ id, request, caller, options }: GrantRoleCommand): Promise<UserResponseDto> {
    await this.accounts.grantRole(id, toGrant(request), caller.commandContext(), options);
    return toUserResponse(this.users.getOr(id, userNotFound));
  }
}
