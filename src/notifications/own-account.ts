import type { UserView } from '../../projections/users/users.projection.js';
import type { Caller } from '../identity/auth/caller.decorator.js';
import type { UsersReadModel } from '../identity/users/users.read-model.js';
import { DomainError } from '../shared/domain-error.js';

/** The caller's own Daftar account: API keys and external sign-ins have none to keep preferences in. */
export function ownAccount(users: UsersReadModel, caller: Caller): UserView {
  const user = caller.signedIn.kind === 'user' ? users.get(caller.signedIn.id) : undefined;
  if (!user) {
    throw new DomainError(
      'USER.NO_ACCOUNT',
      'Only a Daftar account has notification preferences; this principal has none',
      'conflict',
    );
  }
  return user;
}
