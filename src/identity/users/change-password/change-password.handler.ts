import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '../../../shared/domain-error.js';
import { throttled } from '../../auth/issue-token/issue-token.handler.js';
import { LoginThrottle } from '../../login-throttle.store.js';
import { PasswordVault } from '../../password-vault.js';
import { UserAccounts } from '../user-accounts.service.js';
import { UsersReadModel } from '../users.read-model.js';
import { ChangePasswordCommand } from './change-password.command.js';

@CommandHandler(ChangePasswordCommand)
export class ChangePasswordHandler implements ICommandHandler<ChangePasswordCommand> {
  constructor(
    private readonly users: UsersReadModel,
    private readonly accounts: UserAccounts,
    private readonly throttle: LoginThrottle,
    private readonly vault: PasswordVault,
  ) {}

  async execute({ request, caller, address }: ChangePasswordCommand): Promise<void> {
    const principal = caller.signedIn;
    const user = principal.authenticatedBy === 'password_token' ? this.users.get(principal.id) : undefined;
    if (!user) throw new DomainError('USER.NO_PASSWORD', 'This principal has no Daftar password', 'conflict');
    // A stolen token must not become a free password-guessing oracle: the sign-in throttle applies.
    const begun = this.throttle.begin(user.username, address);
    if (!begun.allowed) throw throttled(begun);
    let valid = false;
    try {
      valid = await this.vault.checkPassword(request.currentPassword, user.passwordHash);
    } finally {
      begun.attempt.settle(valid ? 'abandoned' : 'failed');
    }
    if (!valid) throw new DomainError('USER.WRONG_PASSWORD', 'The current password is wrong', 'invalid');
    await this.accounts.changePassword(user.userId, request.newPassword, caller.commandContext());
  }
}
