import type { RecordedEvent } from '../event-envelope.js';
import type { ReadAllOptions, EventStore, Subscription, SubscriptionHandler } from '../event-store.port.js';
import type { ReadModelDatabase } from './read-model-database.js';
import type { Subscriber, SubscriberFailure, SubscriberState, SubscriberStatus } from './subscriber.js';

/**
 * What every subscriber of the log shares: it resumes from its checkpoint, reports its state and
 * position, and stops at an event its handler throws on, naming it (a reaction parks most such
 * events instead). Subclasses say what they do with the events and save the checkpoint as they go.
 */
export abstract class CheckpointedSubscriber implements Subscriber {
  readonly caughtUp: Promise<void>;
  onProgress?: () => void;
  private signalCaughtUp!: () => void;
  private state: SubscriberState = 'starting';
  private position: string | undefined;
  private failure: SubscriberFailure | undefined;
  private subscription: Subscription | undefined;
  protected store: EventStore | undefined;

  protected constructor(
    readonly name: string,
    protected readonly checkpoints: ReadModelDatabase,
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
    this.position = this.checkpoints.checkpoint(this.name)?.position;
    this.state = 'catching_up';
    const { filter, handler } = this.delivery();
    this.subscription = store.subscribeAll(
      this.position,
      {
        ...handler,
        onCaughtUp: (position) => this.subscriptionCaughtUp(position),
        onError: (error, event) => this.fail(error, event),
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
    if (this.state === 'failed') return;
    if (position !== undefined) this.position = position;
    this.state = 'live';
    this.signalCaughtUp();
    this.onProgress?.();
  }

  /** Stops at an event the handler cannot get past, and says which. */
  protected fail(error: unknown, event: RecordedEvent): void {
    if (this.state === 'failed') return;
    this.state = 'failed';
    this.failure = {
      position: event.position,
      eventId: event.id,
      eventType: event.type,
      message: error instanceof Error ? error.message : String(error),
    };
    void this.subscription?.stop();
    this.signalCaughtUp();
    this.onProgress?.();
  }

  /** Orders two positions of the store this subscriber reads (they are opaque). */
  protected comparePositions(a: string, b: string): number {
    return this.store!.comparePositions(a, b);
  }

  /** After the subscriber has fully handled everything up to `position`. */
  protected advanced(position: string): void {
    this.position = position;
    this.onProgress?.();
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    if (this.state !== 'failed') this.state = 'stopped';
  }

  status(): SubscriberStatus {
    return {
      name: this.name,
      state: this.state,
      position: this.position,
      ...(this.failure ? { failure: this.failure } : {}),
    };
  }
}
