import type { LoginEvent } from '../login.events.js';

type Summary = Extract<LoginEvent, { type: 'LoginAttemptsThrottled' }>;

/** A summary to write, and the login stream it belongs to. */
export interface DueSummary {
  readonly stream: string;
  readonly event: Summary;
}

export interface RefusedAttempt {
  readonly username?: string;
  /** The address key (IPv6 by /64). */
  readonly address: string;
  /** Epoch milliseconds. */
  readonly at: number;
  readonly locked: boolean;
}

/** How long refused attempts are counted before their summary is due. */
export const SUMMARY_WINDOW_MS = 60_000;
const NAMED_ADDRESSES = 20;
// Per stream; attempts from addresses past it are counted in the total only.
const TRACKED_ADDRESSES = 200;

interface Tally {
  readonly username?: string;
  attempts: number;
  readonly addresses: Map<string, number>;
  readonly windowStart: number;
  windowEnd: number;
  locked: boolean;
}

/**
 * Refused sign-in attempts counted per login stream, in memory, so that each stream gets one summary
 * event per window however many attempts were refused. No clock and no I/O: the caller passes times in
 * and writes the summaries it is handed. At most `maxStreams` are tracked; past that the stalest
 * stream's summary is handed out early rather than forgotten.
 */
export class ThrottledAttempts {
  // Insertion order: the first entry is the stream whose window started first.
  private readonly tallies = new Map<string, Tally>();

  constructor(private readonly maxStreams = 10_000) {}

  /** Counts one refused attempt; answers the summaries due now (this stream's ended window, an evicted one). */
  count(stream: string, attempt: RefusedAttempt): DueSummary[] {
    const due: DueSummary[] = [];
    const current = this.tallies.get(stream);
    if (current && attempt.at >= current.windowStart + SUMMARY_WINDOW_MS) due.push(this.take(stream)!);
    const tally = this.tallies.get(stream) ?? this.start(stream, attempt, due);
    tally.attempts += 1;
    tally.windowEnd = Math.max(tally.windowEnd, attempt.at);
    tally.locked ||= attempt.locked;
    const seen = tally.addresses.get(attempt.address);
    if (seen !== undefined || tally.addresses.size < TRACKED_ADDRESSES) {
      tally.addresses.set(attempt.address, (seen ?? 0) + 1);
    }
    return due;
  }

  /** The stream's summary so far, if it has one; it starts again from nothing. */
  take(stream: string): DueSummary | undefined {
    const tally = this.tallies.get(stream);
    if (tally === undefined) return undefined;
    this.tallies.delete(stream);
    return { stream, event: summary(tally) };
  }

  /** Every summary whose window has ended by `now`; all of them with `now` = Infinity. */
  takeDue(now: number): DueSummary[] {
    const due = [...this.tallies]
      .filter(([, tally]) => now >= tally.windowStart + SUMMARY_WINDOW_MS)
      .map(([stream]) => stream);
    return due.map((stream) => this.take(stream)!);
  }

  private start(stream: string, attempt: RefusedAttempt, due: DueSummary[]): Tally {
    if (this.tallies.size >= this.maxStreams) due.push(this.take(this.tallies.keys().next().value!)!);
    const tally: Tally = {
      ...(attempt.username === undefined ? {} : { username: attempt.username }),
      attempts: 0,
      addresses: new Map(),
      windowStart: attempt.at,
      windowEnd: attempt.at,
      locked: false,
    };
    this.tallies.set(stream, tally);
    return tally;
  }
}

function summary(tally: Tally): Summary {
  return {
    type: 'LoginAttemptsThrottled',
    data: {
      ...(tally.username === undefined ? {} : { username: tally.username }),
      attempts: tally.attempts,
      addresses: [...tally.addresses]
        .sort(([, a], [, b]) => b - a)
        .slice(0, NAMED_ADDRESSES)
        .map(([address, attempts]) => ({ address, attempts })),
      windowStart: new Date(tally.windowStart).toISOString(),
      windowEnd: new Date(tally.windowEnd).toISOString(),
      locked: tally.locked,
    },
  };
}
