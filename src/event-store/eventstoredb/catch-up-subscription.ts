import {
  START,
  eventTypeFilter,
  excludeSystemEvents,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type EventStoreDBClient,
  type Filter,
  type Position,
} from '@eventstore/db-client';
import type { ReadAllOptions, Subscription, SubscriptionHandler } from '../event-store.port.js';
import { comparePositions, encodePosition, eventFilter, toRecorded, type EsdbEvent } from './esdb-records.js';

/** Wait before resubscribing after a dropped subscription: doubles from `initial` up to `max`. */
export type Backoff = { readonly initial: number; readonly max: number };

const noop = (): void => undefined;

/**
 * Catch-up then live over one server subscription to $all, resubscribed from the last event looked at
 * whenever it drops. Events are taken one at a time from the subscription's async iterator, so the
 * handler's pace is the subscription's pace (the client applies backpressure to the gRPC stream).
 */
export class CatchUpSubscription implements Subscription {
  readonly caughtUp: Promise<void>;
  readonly stopped: Promise<void>;
  private resolveCaughtUp!: () => void;
  private stopping = false;
  private current: AllStreamSubscription | undefined;
  private wakeUp: (() => void) | undefined;
  /** `undefined` until read; the filtered head of the log when first subscribing (fallback for caught up). */
  private head: { readonly at: Position | undefined } | undefined;
  private live = false;
  private everCaughtUp = false;
  /** Events taken from the current server subscription, and of those, fully processed. */
  private received = 0;
  private handled = 0;
  /** Caught up once `handled` reaches this: everything the server had sent before saying so. */
  private caughtUpAfter: number | undefined;
  private readonly wanted: (event: EsdbEvent) => boolean;

  constructor(
    private readonly client: EventStoreDBClient,
    /** The last event looked at (delivered or filtered out): where a resubscription starts. */
    private position: Position | undefined,
    private readonly handler: SubscriptionHandler,
    private readonly filter: ReadAllOptions,
    private readonly readHead: () => Promise<Position | undefined>,
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
      const outcome = await this.subscribeOnce().catch(() => 'dropped' as const);
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
    this.caughtUpAfter = undefined;
    this.live = false;
    if (!this.everCaughtUp && this.head === undefined) {
      this.head = { at: await this.readHead() };
      const head = this.head.at;
      if (head === undefined || (this.position && comparePositions(this.position, head) >= 0)) {
        this.signalCaughtUp();
      }
    }
    if (this.stopping) return 'stopped';
    const subscription = this.client.subscribeToAll({
      fromPosition: this.position ?? START,
      filter: this.serverFilter(),
    });
    this.current = subscription;
    subscription.on('error', noop); // errors reach the loop below; this only keeps a late one from crashing
    // Servers 23.10+ say when the subscription turns live (the client emits it since 6.1).
    subscription.on('caughtUp', () => this.markCaughtUp(subscription));
    subscription.on('fellBehind', () => (this.live = false));
    try {
      for await (const resolved of subscription) {
        if (this.stopping) return 'stopped';
        this.received += 1;
        if (!(await this.process(resolved))) return 'failed';
        this.handled += 1;
        if (this.caughtUpAfter !== undefined && this.handled >= this.caughtUpAfter) {
          this.caughtUpAfter = undefined;
          this.signalCaughtUp();
        }
      }
      return this.stopping ? 'stopped' : 'dropped';
    } catch {
      return this.stopping ? 'stopped' : 'dropped';
    } finally {
      this.current = undefined;
      await subscription.unsubscribe().catch(noop);
      subscription.destroy();
    }
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
    // Fallback for servers without caughtUp: reaching the head read before subscribing.
    const head = this.head?.at;
    if (!this.everCaughtUp && head && comparePositions(event.position, head) >= 0) this.signalCaughtUp();
    return true;
  }

  /**
   * The server's signal arrives ahead of the events it already sent that still wait in the client's
   * buffer: the subscription is caught up once those are handled too.
   */
  private markCaughtUp(subscription: AllStreamSubscription): void {
    if (subscription !== this.current) return;
    const after = this.received + subscription.readableLength;
    if (this.handled >= after) this.signalCaughtUp();
    else this.caughtUpAfter = after;
  }

  private signalCaughtUp(): void {
    if (this.live || this.stopping) return;
    this.live = true;
    this.everCaughtUp = true;
    this.handler.onCaughtUp?.(this.position === undefined ? undefined : encodePosition(this.position));
    this.resolveCaughtUp();
  }

  /**
   * The server takes one filter: by category (stream prefix) when asked for categories, else by event
   * type prefix, else just without system events. Whatever the server lets through is filtered exactly
   * here too. Filtered subscriptions also report checkpoints, which tell when the head has been passed.
   */
  private serverFilter(): Filter {
    const checkpointReached = (subscription: AllStreamSubscription, position: Position): void => {
      const head = this.head?.at;
      if (!this.everCaughtUp && head && comparePositions(position, head) >= 0)
        this.markCaughtUp(subscription);
    };
    const categories = this.filter.categories ?? [];
    const types = this.filter.types ?? [];
    // Prefix `permit`, not `permit-`: a stream named just `permit` is in category `permit` too.
    if (categories.length > 0) return streamNameFilter({ prefixes: [...categories], checkpointReached });
    if (types.length > 0) return eventTypeFilter({ prefixes: [...types], checkpointReached });
    return excludeSystemEvents({ checkpointReached });
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
