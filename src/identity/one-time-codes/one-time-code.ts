import { DomainError } from '../../shared/domain-error.js';

/**
 * A one-time code (کد یکبار مصرف) sent by SMS: six digits, kept only as a keyed digest, valid for a short
 * while, a few tries, and a throttled resend. Pure: times arrive as ISO strings, digests are made outside.
 */
export const CODE_POLICY = {
  digits: 6,
  validMs: 2 * 60_000,
  maxAttempts: 5,
  resendAfterMs: 60_000,
  maxResends: 3,
  /** Wrong codes for one national id, across its registrations, in a day; then no new code is sent. */
  maxWrongCodesPerDay: 10,
} as const;

/** The start of the day that ends at `now`, for limits per day. */
export function dayBefore(now: string): string {
  return new Date(Date.parse(now) - 24 * 3600_000).toISOString();
}

/** A code as sent, recorded in the event that sent it. */
export interface SentCode {
  /** HMAC-SHA256 of the code under a server key; the code itself is never stored. */
  readonly digest: string;
  readonly sentAt: string;
  readonly expiresAt: string;
}

/** A code being waited for: the latest sent, and what has happened to the challenge so far. */
export interface CodeChallenge extends SentCode {
  /** Wrong codes given so far, across resends. */
  readonly attempts: number;
  readonly resends: number;
}

export type CodeVerdict = 'accepted' | 'wrong' | 'exhausted' | 'expired';

export function sentCode(digest: string, now: string): SentCode {
  return { digest, sentAt: now, expiresAt: new Date(Date.parse(now) + CODE_POLICY.validMs).toISOString() };
}

export function challengeOf(code: SentCode): CodeChallenge {
  return { ...code, attempts: 0, resends: 0 };
}

export function afterResend(challenge: CodeChallenge, code: SentCode): CodeChallenge {
  return { ...challenge, ...code, resends: challenge.resends + 1 };
}

/** `exhausted`: this wrong code was the last try allowed. */
export function judgeCode(challenge: CodeChallenge, digest: string, now: string): CodeVerdict {
  if (Date.parse(now) >= Date.parse(challenge.expiresAt)) return 'expired';
  if (sameDigest(challenge.digest, digest)) return 'accepted';
  return challenge.attempts + 1 >= CODE_POLICY.maxAttempts ? 'exhausted' : 'wrong';
}

/** Why a new code may not be sent now, or undefined when it may. */
export function resendRefusal(
  challenge: CodeChallenge,
  now: string,
):
  | { readonly reason: 'too_soon'; readonly retryAfterMs: number }
  | { readonly reason: 'too_many' }
  | undefined {
  if (challenge.resends >= CODE_POLICY.maxResends) return { reason: 'too_many' };
  const wait = Date.parse(challenge.sentAt) + CODE_POLICY.resendAfterMs - Date.parse(now);
  return wait > 0 ? { reason: 'too_soon', retryAfterMs: wait } : undefined;
}

/** Compares every character, so the time taken says nothing about how much of a guess was right. */
function sameDigest(a: string, b: string): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i += 1)
    difference |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return difference === 0;
}

/** The refusal of a resend, for `scope` (`REGISTRATION`, `CONSENT`), or undefined when one may be sent. */
export function resendProblem(scope: string, challenge: CodeChallenge, now: string): DomainError | undefined {
  const refusal = resendRefusal(challenge, now);
  if (!refusal) return undefined;
  return refusal.reason === 'too_soon'
    ? new DomainError(
        `${scope}.RESEND_TOO_SOON`,
        'A code was sent a moment ago; wait before asking again',
        'rate_limited',
        {
          retryAfterSeconds: Math.ceil(refusal.retryAfterMs / 1000),
        },
      )
    : new DomainError(
        `${scope}.TOO_MANY_RESENDS`,
        'No more codes are sent for this request; start again later',
        'rate_limited',
        {
          retryAfterSeconds: 3600,
        },
      );
}

export const codeExpired = (scope: string) =>
  new DomainError(`${scope}.CODE_EXPIRED`, 'The code has expired; ask for a new one', 'unprocessable');

/** The answer to a wrong code, once the rejection is recorded; `attempts` counts this one. */
export function wrongCode(scope: string, attempts: number): DomainError {
  const triesLeft = Math.max(0, CODE_POLICY.maxAttempts - attempts);
  return new DomainError(
    `${scope}.WRONG_CODE`,
    triesLeft > 0 ? 'The code is not right' : 'The code is not right, and that was the last try: start again',
    'unprocessable',
    { triesLeft },
  );
}
