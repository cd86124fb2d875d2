import type { Decider } from '../event-store/command-handling/decider.js';
import { DomainError } from '../shared/domain-error.js';
import type { TrackingEvent } from './tracking.events.js';

export type TrackingClaimState =
  { readonly status: 'free' } | { readonly status: 'claimed'; readonly stream: string };
export type ClaimTrackingNumber = {
  readonly type: 'ClaimTrackingNumber';
  readonly data: TrackingEvent['data'];
};

/** A number belongs to the first file that claims it; claiming it again for that file changes nothing. */
export const trackingClaimDecider: Decider<ClaimTrackingNumber, TrackingClaimState, TrackingEvent> = {
  initialState: () => ({ status: 'free' }),
  evolve: (_state, event) => ({ status: 'claimed', stream: event.data.stream }),
  decide: (command, state) => {
    if (state.status === 'free') return [{ type: 'TrackingNumberClaimed', data: command.data }];
    if (state.stream === command.data.stream) return [];
    return new DomainError(
      'TRACKING.TAKEN',
      `The tracking number ${command.data.trackingNumber} belongs to another file`,
      'conflict',
    );
  },
};
