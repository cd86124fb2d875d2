import { given } from '../../test/support/given.js';
import { trackingClaimDecider, type ClaimTrackingNumber } from './tracking-claim.decider.js';
import type { TrackingEvent } from './tracking.events.js';

const claim = (stream: string): ClaimTrackingNumber => ({
  type: 'ClaimTrackingNumber',
  data: { trackingNumber: '1234567897', stream, municipality: 'hamedan' },
});
const claimed = (stream: string): TrackingEvent => ({
  type: 'TrackingNumberClaimed',
  data: claim(stream).data,
});

describe('the tracking-number claim', () => {
  it('gives a free number to the file that claims it', () => {
    expect(given(trackingClaimDecider).when(claim('permit-a'))).toEqual([claimed('permit-a')]);
  });

  it('changes nothing when the same file claims it again', () => {
    expect(given(trackingClaimDecider, claimed('permit-a')).when(claim('permit-a'))).toEqual([]);
  });

  it('refuses it to another file', () => {
    expect(given(trackingClaimDecider, claimed('permit-a')).when(claim('inquiry-b'))).toMatchObject({
      code: 'TRACKING.TAKEN',
      kind: 'conflict',
    });
  });
});
