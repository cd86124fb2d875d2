import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UserAccounts } from '../../identity/users/user-accounts.service.js';
import { UsersReadModel } from '../../identity/users/users.read-model.js';
import {
  toPreferencesResponse,
  type NotificationPreferencesResponseDto,
} from '../notification-preferences.response.dto.js';
import { ownAccount } from '../own-account.js';
import { SetNotificationPreferencesCommand } from './set-notification-preferences.command.js';

@CommandHandler(SetNotificationPreferencesCommand)
export class SetNotificationPreferencesHandler implements ICommandHandler<SetNotificationPreferencesCommand> {
  constructor(
    private readonly users: UsersReadModel,
    private readonly accounts: UserAccounts,
  ) {}

  async execute({
    request,
    caller,
  }: SetNotificationPreferencesCommand): Promise<NotificationPreferencesResponseDto> {
    const { userId } = ownAccount(this.users, caller);
    const { channels, email, language } = request;
    await this.accounts.change(
      userId,
      {
        type: 'SetNotificationPreferences',
        data: {
          preferences: { channels, ...(email === undefined ? {} : { email: email.toLowerCase() }), language },
        },
      },
      caller.commandContext(),
    );
    return toPreferencesResponse(this.users.get(userId)!);
  }
}
