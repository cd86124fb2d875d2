import { addressKey } from '../shared/http/client-address.js';
import {
  ADDRESS_POLICY,
  USERNAME_POLICY,
  stricterVerdict,
  throttleVerdict,
  stillRelevant,
  type ThrottlePolicy,
  type ThrottleVerdict,
} from './login-throttle.js';

export type BeginVerdict =
  Extract<ThrottleVerdict, { allowed: false }> | { readonly allowed: true; readonly attempt: PendingAttempt };

/** A password check under way, counted against its username and address until it is settled. */
export interface PendingAttempt {
  /** A failure counts against both keys, a success clears the username; only the first call counts. */
  settle(outcome: 'failed' | 'succeeded' | 'abandoned'): void;
}

export interface LoginThrottleOptions {
  readonly now?: () => number;
  /** Keys tracked per kind (usernames, addresses); past it, the least recently failed key is forgotten. */
  readonly maxKeys?: number;
  readonly usernamePolicy?: ThrottlePolicy;
  readonly addressPolicy?: ThrottlePolicy;
}

/**
 * Recent failed logins per username and per client address, in memory, judged by `throttleVerdict`.
 * Usernames should be passed in their canonical form (as looked up), so case variants share a count.
 * One process's memory: behind a load balancer each instance counts on its own, and a restart forgets
 * everything except what the caller restores with `seedUsernameFailures` from the users' event streams.
 */
export class LoginThrottle {
  private readonly now: () => number;
  private readonly usernames: FailureLog;
  private readonly addresses: FailureLog;

  constructor(options: LoginThrottleOptions = {}) {
    const maxKeys = options.maxKeys ?? 100_000;
    this.now = options.now ?? Date.now;
    this.usernames = new FailureLog(options.usernamePolicy ?? USERNAME_POLICY, maxKeys);
    this.addresses = new FailureLog(options.addressPolicy ?? ADDRESS_POLICY, maxKeys);
  }

  /** Whether a login for this username from this address may be tried now: both keys must allow it. */
  check(username: string, address: string): ThrottleVerdict {
    const now = this.now();
    return stricterVerdict(
      this.usernames.verdict(username, now),
      this.addresses.verdict(addressKey(address), now),
    );
  }

  /** Whether this address alone may try now: answerable before anything about the username is read. */
  checkAddress(address: string): ThrottleVerdict {
    return this.addresses.verdict(addressKey(address), this.now());
  }

  /**
   * `check`, and when allowed, counts the attempt as pending until it is settled, before the password
   * is checked: concurrent attempts then see each other, as attempts one after another see the failures.
   */
  begin(username: string, address: string): BeginVerdict {
    const verdict = this.check(username, address);
    if (!verdict.allowed) return verdict;
    const key = addressKey(address);
    this.usernames.begin(username);
    this.addresses.begin(key);
    let open = true;
    const settle = (outcome: 'failed' | 'succeeded' | 'abandoned') => {
      if (!open) return;
      open = false;
      this.usernames.end(username);
      this.addresses.end(key);
      if (outcome === 'failed') this.recordFailure(username, address);
      if (outcome === 'succeeded') this.recordSuccess(username);
    };
    return { allowed: true, attempt: { settle } };
  }

  recordFailure(username: string, address: string): void {
    const now = this.now();
    this.usernames.record(username, now);
    this.addresses.record(addressKey(address), now);
  }

  /** Forgets the username's failures; the address's stay, since it may be guessing other accounts. */
  recordSuccess(username: string): void {
    this.usernames.clear(username);
  }

  /**
   * Restores a username's failure times (epoch ms), e.g. from its event stream after a restart. They are
   * merged with what is tracked without counting a failure twice, so seeding again is harmless.
   */
  seedUsernameFailures(username: string, times: readonly number[]): void {
    this.usernames.seed(username, times, this.now());
  }
}

/** Failure times per key, kept only while they can still matter, for a bounded number of keys. */
class FailureLog {
  // Map order is insertion order; a key is re-inserted on each failure, so the first is the stalest.
  private readonly failures = new Map<string, number[]>();
  // Checks under way; a key leaves when its last ends, so this holds no more than the requests in flight.
  private readonly pending = new Map<string, number>();

  constructor(
    private readonly policy: ThrottlePolicy,
    private readonly maxKeys: number,
  ) {}

  verdict(key: string, now: number): ThrottleVerdict {
    return throttleVerdict(this.prune(key, now), now, this.policy, this.pending.get(key) ?? 0);
  }

  begin(key: string): void {
    this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
  }

  end(key: string): void {
    const left = (this.pending.get(key) ?? 1) - 1;
    if (left > 0) this.pending.set(key, left);
    else this.pending.delete(key);
  }

  record(key: string, now: number): void {
    this.store(key, [...this.prune(key, now), now], now);
  }

  /**
   * Merges `times` as a multiset union: a time occurring k times counts max(k tracked, k seeded) times,
   * so restoring the same events twice, or events already recorded here, does not count them twice.
   */
  seed(key: string, times: readonly number[], now: number): void {
    const merged = new Map<number, number>();
    for (const time of this.prune(key, now)) merged.set(time, (merged.get(time) ?? 0) + 1);
    const seeded = new Map<number, number>();
    for (const time of times) seeded.set(time, (seeded.get(time) ?? 0) + 1);
    for (const [time, count] of seeded) merged.set(time, Math.max(merged.get(time) ?? 0, count));
    this.store(
      key,
      [...merged].flatMap(([time, count]) => Array<number>(count).fill(time)),
      now,
    );
  }

  clear(key: string): void {
    this.failures.delete(key);
  }

  private store(key: string, times: readonly number[], now: number): void {
    const kept = times
      .filter((time) => stillRelevant(time, now, this.policy))
      .sort((a, b) => a - b)
      // The latest lockAfter failures decide the verdict, as long as failures are recorded only after
      // an allowed check; twice that leaves room for attempts that raced past a check into a lock.
      .slice(-2 * this.policy.lockAfter);
    this.failures.delete(key);
    if (kept.length === 0) return;
    this.failures.set(key, kept);
    if (this.failures.size > this.maxKeys) {
      const stalest = this.failures.keys().next().value as string;
      this.failures.delete(stalest);
    }
  }

  /** The key's failures that can still matter; drops the key when none can. */
  private prune(key: string, now: number): readonly number[] {
    const times = this.failures.get(key);
    if (times === undefined) return [];
    const recent = times.filter((time) => stillRelevant(time, now, this.policy));
    if (recent.length === 0) this.failures.delete(key);
    else if (recent.length < times.length) this.failures.set(key, recent);
    return recent;
  }
}
