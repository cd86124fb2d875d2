import type { RecordedEvent } from '../../src/event-store/event-envelope.js';
import type { DaftarEvent } from '../daftar-events.js';
import type { LoginRow } from './report-rows.js';

/** A burst (حمله حدس رمز): at least this many failed or refused sign-ins for one username or address… */
export const BURST_FAILURES = 5;
/** …within this many minutes. */
export const BURST_WINDOW_MINUTES = 15;
/** A user signing in from at least this many addresses in one Tehran day. */
export const MANY_ADDRESSES = 3;

/** A sign-in event of a known user: a success, a failed password check, or attempts the throttle refused. */
export interface LoginFact {
  readonly kind: 'success' | 'failure' | 'refused';
  readonly userId: string;
  readonly username: string;
  /** When it happened; for refused attempts, the first and the last of them. */
  readonly from: string;
  readonly to: string;
  readonly addresses: readonly { readonly address: string; readonly attempts: number }[];
  readonly count: number;
  readonly locked: boolean;
}

/**
 * The sign-in fact of an event, for a username `userIdOf` knows. Unknown usernames (and the throttle's
 * per-address summaries, which name none) belong to no user and so to no municipality: they are left out.
 */
export function loginFactOf(
  event: RecordedEvent<DaftarEvent>,
  userIdOf: (username: string) => string | undefined,
): LoginFact | undefined {
  const at = event.metadata.recordedAt;
  const known = (username: string | undefined) => (username === undefined ? undefined : userIdOf(username));
  switch (event.type) {
    case 'LoginSucceeded': {
      const { userId, username, address } = event.data;
      return fact('success', userId, username, at, at, [{ address, attempts: 1 }], false);
    }
    case 'LoginFailed': {
      const { username, address, reason } = event.data;
      const userId = reason === 'unknown_user' ? undefined : known(username);
      return userId === undefined
        ? undefined
        : fact('failure', userId, username, at, at, [{ address, attempts: 1 }], false);
    }
    case 'LoginAttemptsThrottled': {
      const { username, addresses, windowStart, windowEnd, locked } = event.data;
      const userId = known(username);
      return userId === undefined
        ? undefined
        : fact('refused', userId, username!, windowStart, windowEnd, addresses, locked);
    }
    default:
      return undefined;
  }
}

function fact(
  kind: LoginFact['kind'],
  userId: string,
  username: string,
  from: string,
  to: string,
  addresses: LoginFact['addresses'],
  locked: boolean,
): LoginFact {
  const count = addresses.reduce((sum, a) => sum + a.attempts, 0);
  return { kind, userId, username, from, to, addresses, count, locked };
}

/**
 * Failure bursts per username and per address and locks, found in the failed and refused sign-ins, with
 * the users signing in from many addresses a day (counted where the sign-ins are kept).
 */
export function loginFindings(
  failures: readonly LoginFact[],
  manyAddresses: readonly LoginRow[],
): LoginRow[] {
  const byUser = groupBy(failures, (f) => f.userId);
  const byAddress = groupBy(
    failures.flatMap((f) => f.addresses.map((a) => ({ ...f, addresses: [a], count: a.attempts }))),
    (f) => f.addresses[0]!.address,
  );
  const rows: LoginRow[] = [
    ...[...byUser.values()].flatMap((group) =>
      bursts(group).map((burst) => ({
        finding: 'failure_burst' as const,
        username: group[0]!.username,
        userId: group[0]!.userId,
        ...span(burst),
      })),
    ),
    ...[...byAddress.entries()].flatMap(([address, group]) =>
      bursts(group).map((burst) => ({ finding: 'failure_burst' as const, address, ...span(burst) })),
    ),
    ...failures
      .filter((f) => f.locked)
      .map((f) => ({ finding: 'locked' as const, username: f.username, userId: f.userId, ...span([f]) })),
    ...manyAddresses,
  ];
  return rows.sort((a, b) => a.from.localeCompare(b.from) || a.finding.localeCompare(b.finding));
}

/**
 * The bursts among one key's failures: every failure that ends a window of BURST_WINDOW_MINUTES holding
 * BURST_FAILURES or more (refused attempts count each) marks the window's failures; marked failures no
 * further apart than the window make one burst.
 */
function bursts(facts: readonly LoginFact[]): LoginFact[][] {
  const sorted = [...facts].sort((a, b) => a.to.localeCompare(b.to));
  const windowMs = BURST_WINDOW_MINUTES * 60_000;
  const marked = new Set<number>();
  let start = 0;
  let inWindow = 0;
  sorted.forEach((f, end) => {
    inWindow += f.count;
    while (Date.parse(f.to) - Date.parse(sorted[start]!.to) > windowMs) inWindow -= sorted[start++]!.count;
    if (inWindow >= BURST_FAILURES) for (let i = start; i <= end; i++) marked.add(i);
  });
  const found: LoginFact[][] = [];
  for (const i of [...marked].sort((a, b) => a - b)) {
    const last = found.at(-1)?.at(-1);
    if (last && Date.parse(sorted[i]!.to) - Date.parse(last.to) <= windowMs) found.at(-1)!.push(sorted[i]!);
    else found.push([sorted[i]!]);
  }
  return found;
}

function span(facts: readonly LoginFact[]): Pick<LoginRow, 'from' | 'to' | 'count' | 'addresses'> {
  return {
    from: facts.map((f) => f.from).reduce((a, b) => (a < b ? a : b)),
    to: facts.map((f) => f.to).reduce((a, b) => (a > b ? a : b)),
    count: facts.reduce((sum, f) => sum + f.count, 0),
    addresses: new Set(facts.flatMap((f) => f.addresses.map((a) => a.address))).size,
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
