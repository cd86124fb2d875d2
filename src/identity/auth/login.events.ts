/** Every sign-in attempt, kept in `login-<username digest>`; never the password. */
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
        readonly reason: 'unknown_user' | 'wrong_password' | 'disabled' | 'throttled';
        /** Set when the attempt was refused by the brute-force lock. */
        readonly retryAfterMs?: number;
      };
    };

export type LoginAttempt = { readonly type: 'RecordLoginAttempt'; readonly data: LoginEvent };
