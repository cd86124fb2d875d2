import type { Decider } from '../../event-store/command-handling/decider.js';
import type { LoginAttempt, LoginEvent } from './login.events.js';

/**
 * The outcome of an attempt is settled by the password check and the throttle before it gets here;
 * the decider only records it and reads nothing from the stream, so attempts are appended to their
 * stream without reading it (however long a flood made it) and without an expected revision.
 */
export const loginDecider: Decider<LoginAttempt, null, LoginEvent> = {
  initialState: () => null,
  evolve: (state) => state,
  decide: (attempt) => [attempt.data],
};
