import type { Decider } from '../../event-store/command-handling/decider.js';
import { DomainError } from '../../shared/domain-error.js';
import { grantProblem, sameFeedScope, sameGrant, type Grant } from '../roles.js';
import type { NotificationPreferences, UserEvent } from './user.events.js';

export type UserState =
  | { readonly status: 'absent' }
  | {
      readonly status: 'active' | 'disabled';
      readonly userId: string;
      readonly username: string;
      readonly grants: readonly Grant[];
      readonly passwordHash: string;
      readonly preferences?: NotificationPreferences;
    };

export type UserCommand =
  | {
      readonly type: 'CreateUser';
      readonly data: Extract<UserEvent, { type: 'UserCreated' }>['data'];
    }
  | { readonly type: 'GrantRole'; readonly data: { readonly grant: Grant } }
  | { readonly type: 'RevokeRole'; readonly data: { readonly grant: Grant; readonly reason: string } }
  | { readonly type: 'ChangePassword'; readonly data: { readonly passwordHash: string } }
  | {
      readonly type: 'RehashPassword';
      /** `verifiedHash` is the stored value the password was just checked against. */
      readonly data: { readonly verifiedHash: string; readonly passwordHash: string };
    }
  | { readonly type: 'DisableUser'; readonly data: { readonly reason: string } }
  | {
      readonly type: 'SetNotificationPreferences';
      readonly data: { readonly preferences: NotificationPreferences };
    };

export const userNotFound = () => new DomainError('USER.NOT_FOUND', 'There is no such user', 'not_found');

function decide(command: UserCommand, state: UserState): readonly UserEvent[] | DomainError {
  if (command.type === 'CreateUser') {
    if (state.status !== 'absent') return new DomainError('USER.ALREADY_EXISTS', 'This user already exists');
    const problem = command.data.grants.map(grantProblem).find(Boolean);
    if (problem) return new DomainError('USER.INVALID_GRANT', problem, 'invalid');
    return [{ type: 'UserCreated', data: command.data }];
  }
  if (state.status === 'absent') return userNotFound();
  const userId = state.userId;
  switch (command.type) {
    case 'GrantRole': {
      const problem = grantProblem(command.data.grant);
      if (problem) return new DomainError('USER.INVALID_GRANT', problem, 'invalid');
      const held = state.grants.find((g) => sameGrant(g, command.data.grant));
      if (!held) return [{ type: 'RoleGranted', data: { userId, grant: command.data.grant } }];
      if (sameFeedScope(held.feed, command.data.grant.feed)) return [];
      // Swapping it here (revoked, then granted) would leave a moment without the grant, which
      // disables the holder's webhooks; the admin revokes first, knowingly.
      return new DomainError(
        'USER.GRANT_SCOPE_DIFFERS',
        `The user holds ${held.role} there with another feed scope: revoke the grant first`,
      );
    }
    case 'RevokeRole':
      if (!state.grants.some((g) => sameGrant(g, command.data.grant))) {
        return new DomainError(
          'USER.ROLE_NOT_HELD',
          `The user does not hold ${command.data.grant.role} in that scope`,
        );
      }
      return [{ type: 'RoleRevoked', data: { userId, ...command.data } }];
    case 'ChangePassword':
      if (state.status === 'disabled') return new DomainError('USER.DISABLED', 'This account is disabled');
      return [{ type: 'PasswordChanged', data: { userId, passwordHash: command.data.passwordHash } }];
    case 'RehashPassword':
      // A password changed since the check must not be replaced by the old one protected anew.
      if (state.status === 'disabled' || state.passwordHash !== command.data.verifiedHash) return [];
      return [{ type: 'PasswordRehashed', data: { userId, passwordHash: command.data.passwordHash } }];
    case 'DisableUser':
      if (state.status === 'disabled') return [];
      return [{ type: 'UserDisabled', data: { userId, reason: command.data.reason } }];
    case 'SetNotificationPreferences': {
      if (state.status === 'disabled') return new DomainError('USER.DISABLED', 'This account is disabled');
      const { preferences } = command.data;
      if (preferences.channels.includes('email') && preferences.email === undefined) {
        return new DomainError('USER.EMAIL_REQUIRED', 'Choosing email needs an email address', 'invalid');
      }
      if (samePreferences(state.preferences, preferences)) return [];
      return [{ type: 'NotificationPreferencesSet', data: { userId, preferences } }];
    }
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

function evolve(state: UserState, event: UserEvent): UserState {
  switch (event.type) {
    case 'UserCreated':
      return {
        status: 'active',
        userId: event.data.userId,
        username: event.data.username,
        grants: event.data.grants,
        passwordHash: event.data.passwordHash,
      };
    case 'RoleGranted':
      return state.status === 'absent' ? state : { ...state, grants: [...state.grants, event.data.grant] };
    case 'RoleRevoked':
      return state.status === 'absent'
        ? state
        : { ...state, grants: state.grants.filter((g) => !sameGrant(g, event.data.grant)) };
    case 'PasswordChanged':
    case 'PasswordRehashed':
      return state.status === 'absent' ? state : { ...state, passwordHash: event.data.passwordHash };
    case 'UserDisabled':
      return state.status === 'absent' ? state : { ...state, status: 'disabled' };
    case 'NotificationPreferencesSet':
      return state.status === 'absent' ? state : { ...state, preferences: event.data.preferences };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

function samePreferences(a: NotificationPreferences | undefined, b: NotificationPreferences): boolean {
  return (
    a !== undefined &&
    a.language === b.language &&
    a.email === b.email &&
    a.channels.length === b.channels.length &&
    a.channels.every((channel) => b.channels.includes(channel))
  );
}

export const userDecider: Decider<UserCommand, UserState, UserEvent> = {
  initialState: () => ({ status: 'absent' }),
  evolve,
  decide,
};
