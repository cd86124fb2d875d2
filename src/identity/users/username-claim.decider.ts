import type { Decider } from '../../event-store/command-handling/decider.js';
import { DomainError } from '../../shared/domain-error.js';
import type { UsernameEvent } from './user.events.js';

export type UsernameState =
  { readonly status: 'free' } | { readonly status: 'claimed'; readonly userId: string };
export type ClaimUsername = {
  readonly type: 'ClaimUsername';
  readonly data: { readonly username: string; readonly userId: string };
};

/** A username belongs to the first user that claims it; claiming it again for that user changes nothing. */
export const usernameClaimDecider: Decider<ClaimUsername, UsernameState, UsernameEvent> = {
  initialState: () => ({ status: 'free' }),
  evolve: (_state, event) => ({ status: 'claimed', userId: event.data.userId }),
  decide: (command, state) => {
    if (state.status === 'free') return [{ type: 'UsernameClaimed', data: command.data }];
    if (state.userId === command.data.userId) return [];
    return new DomainError(
      'USER.USERNAME_TAKEN',
      `The username ${command.data.username} is taken`,
      'conflict',
    );
  },
};
