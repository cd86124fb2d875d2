/**
 * A tracking number (کد رهگیری) is claimed once, in its own stream `tracking-<number>`, before the file
 * it names is written: the store refuses a second claim, so no two files share a number.
 */
export type TrackingEvent = {
  readonly type: 'TrackingNumberClaimed';
  readonly data: {
    readonly trackingNumber: string;
    /** The file's stream: `permit-…` or `inquiry-…`. */
    readonly stream: string;
    /** The file's municipality: numbers are unique everywhere, so within each municipality too. */
    readonly municipality: string;
  };
};

export const TRACKING_EVENT_TYPES: readonly TrackingEvent['type'][] = ['TrackingNumberClaimed'];

export const trackingStream = (trackingNumber: string) => `tracking-${trackingNumber}`;
