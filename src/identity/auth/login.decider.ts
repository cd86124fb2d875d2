import type { Decider } from '../../event-store/command-handling/decider.js';
import type { LoginAttempt, LoginEvent } from './login.events.js';

/**
 * The outcome of an attempt is settled by the password check and the throttle before it gets here;
 * the decider only records it, so every attempt leaves exactly one event.
 */
export const loginDecider: Decider<LoginAttempt, null, LoginEvent> = {
  initialState: () => null,
  evolve: (state) => state,
  decide: (attempt) => [attempt.data],
};
