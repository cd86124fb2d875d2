import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { toGrant } from '../grant.dto.js';
import { userNotFound } from '../user.decider.js';
import { UserAccounts } from '../user-accounts.service.js';
import { toUserResponse, UserResponseDto } from '../user.response.dto.js';
import { UsersReadModel } from '../users.read-model.js';
import { RevokeRoleCommand } from './revoke-role.command.js';

@CommandHandler(RevokeRoleCommand)
export class RevokeRoleHandler implements ICommandHandler<RevokeRoleCommand> {
  constructor(
    private readonly accounts: UserAccounts,
    private readonly users: UsersReadModel,
  ) {}

  async execute({ id, request, caller, options }: RevokeRoleCommand): Promise<UserResponseDto> {
    const { reason, ...grant } = request;
    await this.accounts.change(
      id,
      { type: 'RevokeRole', data: { grant: toGrant(grant), reason } },
      caller.commandContext(),
      options,
    );
    return toUserResponse(this.users.getOr(id, userNotFound));
  }
}
