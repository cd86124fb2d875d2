import type { SentCode } from '../one-time-codes/one-time-code.js';

/**
 * A citizen's consent (رضایت) for a counter office (دفتر پیشخوان) to act for them: asked by the office,
 * given by the citizen reading back a code sent to their mobile, limited in time, withdrawable.
 */
export type ConsentEvent =
  | {
      readonly type: 'ConsentRequested';
      readonly data: {
        readonly consentId: string;
        /** The counter office (organisation id). */
        readonly office: string;
        /** The office's operator who asked. */
        readonly requestedBy: string;
        readonly citizenNationalId: string;
        /** The citizen's account, when they have one; its mobile got the code. */
        readonly citizenUserId: string | null;
        readonly hours: number;
        readonly code: SentCode;
      };
    }
  | {
      readonly type: 'ConsentCodeRejected';
      readonly data: { readonly consentId: string; readonly attempts: number };
    }
  | {
      readonly type: 'ConsentRequestEnded';
      readonly data: { readonly consentId: string; readonly reason: 'too_many_attempts' };
    }
  | {
      readonly type: 'ConsentGranted';
      readonly data: {
        readonly consentId: string;
        readonly office: string;
        readonly citizenNationalId: string;
        readonly validUntil: string;
      };
    }
  | {
      readonly type: 'ConsentWithdrawn';
      readonly data: {
        readonly consentId: string;
        readonly office: string;
        readonly citizenNationalId: string;
      };
    };

export const CONSENT_EVENT_TYPES: readonly ConsentEvent['type'][] = [
  'ConsentRequested',
  'ConsentCodeRejected',
  'ConsentRequestEnded',
  'ConsentGranted',
  'ConsentWithdrawn',
];

export const consentStream = (consentId: string) => `consent-${consentId}`;
