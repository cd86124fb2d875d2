/**
 * Sign-in attempts, kept in `login-<username digest>` (refused ones summarised); never the password.
 */
export type LoginEvent =
  | {
      readonly type: 'LoginSucceeded';
      readonly data: { readonly userId: string; readonly username: string; readonly address: string };
    }
  | {
      readonly type: 'LoginFailed';
      readonly data: {
        readonly username: string;
        readonly address: string;
        /** `throttled` only in events written before refused attempts were summarised. */
        readonly reason: 'unknown_user' | 'wrong_password' | 'disabled' | 'throttled';
        readonly retryAfterMs?: number;
      };
    }
  | {
      /**
       * Attempts the throttle refused (429) without checking a password, counted over a window of up
       * to a minute and written once, so that a flood of guesses writes a few events, not one each.
       */
      readonly type: 'LoginAttemptsThrottled';
      readonly data: {
        /** The username they named; absent in a client address's stream (`loginAddressStream`). */
        readonly username?: string;
        readonly attempts: number;
        /** Refused attempts per client address (IPv6 by /64), the busiest first; the first 20 only. */
        readonly addresses: readonly { readonly address: string; readonly attempts: number }[];
        /** When the first and the last of them were refused. */
        readonly windowStart: string;
        readonly windowEnd: string;
        /** Whether any was refused by a lock rather than a delay. */
        readonly locked: boolean;
      };
    };

export type LoginAttempt = { readonly type: 'RecordLoginAttempt'; readonly data: LoginEvent };
