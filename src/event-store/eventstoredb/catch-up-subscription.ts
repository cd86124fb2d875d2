import {
  START,
  excludeSystemEvents,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type EventStoreDBClient,
  type Position,
} from '@eventstore/db-client';
import { SubscriptionRefused } from '../event-store.errors.js';
import type { ReadAllOptions, Subscription, SubscriptionHandler } from '../event-store.port.js';
import { refusalOf } from './esdb-errors.js';
import { comparePositions, encodePosition, eventFilter, toRecorded, type EsdbEvent } from './esdb-records.js';

/** Wait before resubscribing after a dropped subscription: doubles from `initial` up to `max`. */
export type Backoff = { readonly initial: number; readonly max: number };

const noop = (): void => undefined;

/**
 * Positions are signed 64-bit on the server: a checkpoint beyond that is a server's bug (one sent
 * 2^64-1 when the log was empty), and taking it would skip every later event as already seen.
 */
const MAX_POSITION = 2n ** 63n - 1n;

/**
 * Catch-up then live over one server subscription to $all, resubscribed from the last position passed
 * whenever it drops. Events are taken one at a time from the subscription's async iterator, so the
 * handler's pace is the subscription's pace (the client applies backpressure to the gRPC stream).
 *
 * The server sends every user event and the handler's filter is applied here: a reader waited on at a
 * position it does not handle must still get past it promptly (read-your-writes), and a server-side
 * filter reports progress past what it skips only every few dozen events. While live, progress is
 * reported whenever nothing is left to handle.
 *
 * The server's `caughtUp` (servers 23.10+; this adapter needs it) and checkpoints arrive ahead of events
 * it sent before them that still wait in the client's buffer; they take effect only at a point where
 * nothing is buffered or being handled.
 */
export class CatchUpSubscription implements Subscription {
  readonly caughtUp: Promise<void>;
  readonly stopped: Promise<void>;
  private resolveCaughtUp!: () => void;
  private stopping = false;
  private current: AllStreamSubscription | undefined;
  private wakeUp: (() => void) | undefined;
  private startChecked = false;
  private live = false;
  /** Events taken from the current server subscription, and of those, fully handled. */
  private received = 0;
  private handled = 0;
  /** The server's word, waiting for the events it sent before it to be handled. */
  private pendingCheckpoint: Position | undefined;
  private caughtUpPending = false;
  private readonly wanted: (event: EsdbEvent) => boolean;

  constructor(
    private readonly client: EventStoreDBClient,
    /** The last position passed (an event delivered or skipped, or a checkpoint): where a resubscription starts. */
    private position: Position | undefined,
    private readonly handler: SubscriptionHandler,
    filter: ReadAllOptions,
    /** The position of the log's last record (of any kind), read from the leader. */
    private readonly readEnd: () => Promise<Position | undefined>,
    private readonly backoff: Backoff,
  ) {
    this.wanted = eventFilter(filter);
    this.caughtUp = new Promise((resolve) => (this.resolveCaughtUp = resolve));
    this.stopped = this.run();
  }

  async stop(): Promise<void> {
    if (!this.stopping) {
      this.stopping = true;
      this.wakeUp?.();
      const subscription = this.current;
      if (subscription) {
        await subscription.unsubscribe().catch(noop);
        subscription.destroy();
      }
    }
    await this.stopped;
  }

  private async run(): Promise<void> {
    await Promise.resolve();
    let delay = this.backoff.initial;
    while (!this.stopping) {
      const startedAt = Date.now();
      let outcome: 'stopped' | 'failed' | 'dropped';
      try {
        outcome = await this.subscribeOnce();
      } catch (error) {
        const refused = this.stopping ? undefined : refusalOf(error);
        if (refused) return this.refuse(refused);
        outcome = 'dropped';
      }
      if (outcome !== 'dropped' || this.stopping) return;
      // A subscription that delivered, or lived longer than the longest wait, starts the backoff over.
      if (this.received > 0 || Date.now() - startedAt > this.backoff.max) delay = this.backoff.initial;
      await this.sleep(delay);
      delay = Math.min(delay * 2, this.backoff.max);
    }
  }

  private async subscribeOnce(): Promise<'stopped' | 'failed' | 'dropped'> {
    this.received = 0;
    this.handled = 0;
    this.live = false;
    this.pendingCheckpoint = undefined;
    this.caughtUpPending = false;
    if (!this.startChecked) await this.checkStart();
    if (this.stopping) return 'stopped';
    const subscription = this.client.subscribeToAll({
      fromPosition: this.position ?? START,
      filter: excludeSystemEvents({
        checkpointReached: (from: AllStreamSubscription, position: Position) =>
          this.checkpointReached(from, position),
      }),
    });
    this.current = subscription;
    subscription.on('error', noop); // errors reach the loop below; this only keeps a late one from crashing
    // Servers 23.10+ say when the subscription turns live (the client emits it since 6.1).
    subscription.on('caughtUp', () => this.serverCaughtUp(subscription));
    subscription.on('fellBehind', () => subscription === this.current && (this.live = false));
    try {
      for await (const resolved of subscription) {
        if (this.stopping) return 'stopped';
        this.received += 1;
        if (!(await this.process(resolved))) return 'failed';
        this.handled += 1;
        // Between two events of the iterator nothing is half-taken: an empty buffer means idle.
        if (subscription.readableLength === 0) this.settle();
      }
      return this.stopping ? 'stopped' : 'dropped';
    } finally {
      this.current = undefined;
      await subscription.unsubscribe().catch(noop);
      subscription.destroy();
    }
  }

  /**
   * Before the first subscription, from the subscriber's durable checkpoint: a start past the end of the
   * log cannot be waited out (the store was reset under kept read models).
   */
  private async checkStart(): Promise<void> {
    const end = await this.readEnd();
    if (this.position && (end === undefined || comparePositions(this.position, end) > 0)) {
      const last = end === undefined ? 'the log is empty' : `the log ends at ${encodePosition(end)}`;
      throw new SubscriptionRefused('beyond_head', `from ${encodePosition(this.position)}; ${last}`);
    }
    this.startChecked = true;
  }

  /** Returns false when the handler threw: the subscription stops. */
  private async process(resolved: AllStreamResolvedEvent): Promise<boolean> {
    const event = resolved.event;
    if (!event) return true;
    // Exclusive start, and never a duplicate after a resubscription.
    if (this.position && comparePositions(event.position, this.position) <= 0) return true;
    if (this.wanted(event)) {
      const recorded = toRecorded(event);
      try {
        await this.handler.onEvent(recorded);
      } catch (error) {
        this.stopping = true;
        this.handler.onError?.(error, recorded);
        return false;
      }
    }
    this.position = event.position;
    return true;
  }

  private checkpointReached(subscription: AllStreamSubscription, position: Position): void {
    if (subscription !== this.current || position.commit > MAX_POSITION || position.prepare > MAX_POSITION) {
      return;
    }
    const pending = this.pendingCheckpoint;
    if (!pending || comparePositions(position, pending) > 0) this.pendingCheckpoint = position;
    this.settleWhenIdle(subscription);
  }

  private serverCaughtUp(subscription: AllStreamSubscription): void {
    if (subscription !== this.current) return;
    this.caughtUpPending = true;
    this.settleWhenIdle(subscription);
  }

  /**
   * The server's word may arrive while the iterator takes an event out of the buffer: after this turn of
   * the event loop that event is counted, so "everything received is handled and nothing is buffered"
   * means everything sent before the word is handled. Otherwise the next handled event settles it.
   */
  private settleWhenIdle(subscription: AllStreamSubscription): void {
    setImmediate(() => {
      const idle = this.handled === this.received && subscription.readableLength === 0;
      if (subscription === this.current && idle) this.settle();
    });
  }

  /** Everything sent so far is handled: take the server's word, and say how far the reader is. */
  private settle(): void {
    const checkpoint = this.pendingCheckpoint;
    this.pendingCheckpoint = undefined;
    // A checkpoint is a valid place to resume from: nothing the filter passes lies between it and here.
    if (checkpoint && (!this.position || comparePositions(checkpoint, this.position) > 0)) {
      this.position = checkpoint;
    }
    if (this.caughtUpPending) {
      this.caughtUpPending = false;
      this.goLive();
    } else if (this.live) this.report();
  }

  private goLive(): void {
    if (this.stopping) return;
    this.live = true;
    this.resolveCaughtUp();
    this.report();
  }

  private report(): void {
    this.handler.onCaughtUp?.(this.position === undefined ? undefined : encodePosition(this.position));
  }

  /** No retry can mend it: stop for good and say why. */
  private refuse(error: SubscriptionRefused): void {
    this.stopping = true;
    this.handler.onFailure?.(error);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }
}
