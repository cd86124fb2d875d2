import type { SentCode } from '../one-time-codes/one-time-code.js';

/**
 * A citizen's registration (ثبت‌نام), proven by a one-time code sent to the mobile that the identity
 * registry holds for their national id. No account exists until the code is confirmed.
 */
export type RegistrationEvent =
  | {
      readonly type: 'RegistrationStarted';
      readonly data: {
        readonly registrationId: string;
        readonly nationalId: string;
        readonly mobile: string;
        readonly fullName: string;
        /** The password as an account stores it (scrypt, encrypted); never the password. */
        readonly passwordHash: string;
        /** The code as a keyed digest; never the code. */
        readonly code: SentCode;
      };
    }
  | {
      readonly type: 'RegistrationCodeResent';
      readonly data: { readonly registrationId: string; readonly code: SentCode };
    }
  | {
      readonly type: 'RegistrationCodeRejected';
      readonly data: { readonly registrationId: string; readonly attempts: number };
    }
  | {
      readonly type: 'RegistrationEnded';
      readonly data: {
        readonly registrationId: string;
        readonly reason: 'too_many_attempts' | 'national_id_taken';
      };
    }
  | {
      readonly type: 'RegistrationConfirmed';
      readonly data: { readonly registrationId: string; readonly userId: string };
    };

export const REGISTRATION_EVENT_TYPES: readonly RegistrationEvent['type'][] = [
  'RegistrationStarted',
  'RegistrationCodeResent',
  'RegistrationCodeRejected',
  'RegistrationEnded',
  'RegistrationConfirmed',
];

export const registrationStream = (registrationId: string) => `registration-${registrationId}`;
