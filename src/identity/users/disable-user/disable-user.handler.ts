import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { userNotFound } from '../user.decider.js';
import { UserAccounts } from '../user-accounts.service.js';
import { toUserResponse, UserResponseDto } from '../user.response.dto.js';
import { UsersReadModel } from '../users.read-model.js';
import { DisableUserCommand } from './disable-user.command.js';

@CommandHandler(DisableUserCommand)
export class DisableUserHandler implements ICommandHandler<DisableUserCommand> {
  constructor(
    private readonly accounts: UserAccounts,
    private readonly users: UsersReadModel,
  ) {}

  async execute({ id, request, caller, options }: DisableUserCommand): Promise<UserResponseDto> {
    await this.accounts.change(
      id,
      { type: 'DisableUser', data: { reason: request.reason } },
      caller.commandContext(),
      options,
    );
    return toUserResponse(this.users.getOr(id, userNotFound));
  }
}
