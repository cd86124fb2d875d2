import { Logger } from '@nestjs/common';
import type { RecordedEvent } from '../event-envelope.js';
import type {
  ReadAllOptions,
  EventStore,
  Subscription,
  SubscriptionHandler,
  SubscriptionRefusedError,
} from '../event-store.port.js';
import type { CheckpointDatabase } from './checkpoint-database.js';
import { passesByItself, resubscribeDelayMs } from './retry-later.js';
import type {
  EventFailure,
  Subscriber,
  SubscriberFailure,
  SubscriberRetry,
  SubscriberState,
  SubscriberStatus,
} from './subscriber.js';

/**
 * What every subscriber of the log shares: it resumes from its checkpoint, reports its state and
 * position, and stops at an event its handler throws on, naming it (a reaction parks most such
 * events instead). A failure not of the event's making (a full disk) does not stop it: it waits,
 * longer each time, and resubscribes from its durable checkpoint, which its writes move in the same
 * transaction, so nothing counts twice. Subclasses say what they do with the events and save the
 * checkpoint as they go.
 */
export abstract class CheckpointedSubscriber<
  Checkpoints extends CheckpointDatabase = CheckpointDatabase,
> implements Subscriber {
  readonly caughtUp: Promise<void>;
  onProgress?: () => void;
  private signalCaughtUp!: () => void;
  private state: SubscriberState = 'starting';
  private position: string | undefined;
  private failure: SubscriberFailure | undefined;
  private interruption: SubscriberRetry | undefined;
  /** Set from a failure that passes by itself until the next subscription is made. */
  private resubscribing = false;
  private retryTimer: NodeJS.Timeout | undefined;
  /** The resubscription under way, which a stop waits for: it may still read the checkpoint. */
  private resubscription: Promise<void> | undefined;
  private ended = false;
  /** Counts the subscriptions made, so a late call from an earlier one is told apart. */
  private generation = 0;
  private subscription: Subscription | undefined;
  private readonly retryLogger = new Logger('Subscribers');
  protected store: EventStore | undefined;

  protected constructor(
    readonly name: string,
    protected readonly checkpoints: Checkpoints,
  ) {
    this.caughtUp = new Promise((resolve) => (this.signalCaughtUp = resolve));
  }

  /** The events to deliver, and how to take them (one at a time, and optionally a page at once). */
  protected abstract delivery(): {
    readonly filter: ReadAllOptions;
    readonly handler: Pick<SubscriptionHandler, 'onEvent' | 'onEvents'>;
  };

  start(store: EventStore): void {
    this.store = store;
    this.subscribe();
  }

  private subscribe(): void {
    this.position = this.checkpoints.checkpoint(this.name)?.position;
    if (this.state !== 'retrying') this.state = 'catching_up';
    const generation = ++this.generation;
    const current = () => generation === this.generation;
    const { filter, handler } = this.delivery();
    this.subscription = this.store!.subscribeAll(
      this.position,
      {
        ...handler,
        onCaughtUp: (position) => current() && this.subscriptionCaughtUp(position),
        onError: (error, event) => current() && this.fail(error, event),
        onFailure: (error) => current() && this.refused(error),
      },
      filter,
    );
  }

  /** The subscription has delivered all there is; a subclass with work still under way waits for it. */
  protected subscriptionCaughtUp(position: string | undefined): void {
    this.live(position);
  }

  /** Everything up to `position` is handled, past the events its filter skipped too. */
  protected live(position: string | undefined): void {
    if (this.state === 'failed' || this.resubscribing) return;
    if (position !== undefined) this.position = position;
    this.gotPast();
    this.state = 'live';
    this.signalCaughtUp();
    this.onProgress?.();
  }

  /**
   * Stops at an event the handler cannot get past, and says which; when the failure passes by itself
   * (the disk is full), resubscribes later instead.
   */
  protected fail(error: unknown, event: RecordedEvent): void {
    if (passesByItself(error)) return this.retryLater(error, event);
    if (this.state === 'failed' || this.ended) return;
    this.halt();
    this.state = 'failed';
    this.failure = failureAt(event, error);
    this.interruption = undefined;
    this.resubscribing = false;
    clearTimeout(this.retryTimer);
    this.signalCaughtUp();
    this.onProgress?.();
  }

  /**
   * The store refuses the subscription itself (its credentials may not read the log, or the log ends
   * before this subscriber's checkpoint): stopped for good, and /ready says why. No retry would mend it.
   */
  private refused(error: SubscriptionRefusedError): void {
    if (this.state === 'failed' || this.ended) return;
    this.halt();
    this.state = 'failed';
    this.failure = { position: this.position, reason: error.reason, message: error.message };
    this.interruption = undefined;
    this.resubscribing = false;
    clearTimeout(this.retryTimer);
    this.retryLogger.error(`${this.name} stopped: ${error.message}`);
    this.signalCaughtUp();
    this.onProgress?.();
  }

  /** Stops the subscription at `event`, which failed for a reason not of its making, and resubscribes later. */
  protected retryLater(error: unknown, event: RecordedEvent): void {
    if (this.state === 'failed' || this.ended || this.resubscribing) return;
    this.halt();
    this.resubscribing = true;
    this.state = 'retrying';
    this.interruption = { ...failureAt(event, error), attempt: (this.interruption?.attempt ?? 0) + 1 };
    const delay = resubscribeDelayMs(this.interruption.attempt);
    this.retryLogger.warn(
      `${this.name} could not take ${event.type} ${event.id} at position ${event.position} ` +
        `(${this.interruption.message}); resubscribing in ${delay} ms, attempt ${this.interruption.attempt}`,
    );
    this.retryTimer = setTimeout(() => (this.resubscription = this.resubscribe(error, event)), delay);
    this.onProgress?.();
  }

  private async resubscribe(error: unknown, event: RecordedEvent): Promise<void> {
    // The halted subscription may still be handing over a page: it ends before anything is reset.
    await this.subscription?.stopped.catch(() => undefined);
    try {
      await this.prepareToResubscribe();
      if (this.ended) return;
      this.resubscribing = false;
      this.subscribe();
    } catch (again) {
      // What it keeps could not be read back (an I/O error): the same wait again, longer.
      this.resubscribing = false;
      this.retryLater(passesByItself(again) ? again : error, event);
    }
  }

  /** Stops the delivery of further events; a subclass also stops its work under way. */
  protected halt(): void {
    void this.subscription?.stop();
  }

  /**
   * Before resubscribing from the durable checkpoint, a subclass lets its work under way settle and
   * forgets what it kept in memory past that checkpoint.
   */
  protected async prepareToResubscribe(): Promise<void> {}

  /** A write went through again after a failure that passes by itself. */
  private gotPast(): void {
    if (!this.interruption) return;
    this.retryLogger.log(`${this.name} writes again after ${this.interruption.attempt} attempt(s)`);
    this.interruption = undefined;
    if (this.state === 'retrying') this.state = 'catching_up';
  }

  /** Orders two positions of the store this subscriber reads (they are opaque). */
  protected comparePositions(a: string, b: string): number {
    return this.store!.comparePositions(a, b);
  }

  /** After the subscriber has fully handled everything up to `position`. */
  protected advanced(position: string): void {
    this.position = position;
    this.gotPast();
    this.onProgress?.();
  }

  async stop(): Promise<void> {
    this.ended = true;
    clearTimeout(this.retryTimer);
    await this.resubscription;
    await this.subscription?.stop();
    if (this.state !== 'failed') this.state = 'stopped';
  }

  status(): SubscriberStatus {
    return {
      name: this.name,
      state: this.state,
      position: this.position,
      ...(this.failure ? { failure: this.failure } : {}),
      ...(this.interruption ? { retry: this.interruption } : {}),
    };
  }
}

function failureAt(event: RecordedEvent, error: unknown): EventFailure {
  return {
    position: event.position,
    eventId: event.id,
    eventType: event.type,
    message: messageOf(error),
  };
}

/** Not `instanceof Error`: a native module's errors may come from another realm (Jest's). */
function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : String(error);
}
