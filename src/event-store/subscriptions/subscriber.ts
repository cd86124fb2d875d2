import type { EventStore, SubscriptionRefusal } from '../event-store.port.js';

export type SubscriberState = 'starting' | 'catching_up' | 'live' | 'retrying' | 'failed' | 'stopped';

/** An event the subscriber could not get past. */
export interface EventFailure {
  readonly position: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly message: string;
}

/**
 * Why it stopped: an event it could not get past, or the store's refusal of the subscription itself
 * (`reason`; no event, and `position` is where it would have started).
 */
export type SubscriberFailure =
  | EventFailure
  | {
      readonly position: string | undefined;
      readonly reason: SubscriptionRefusal;
      readonly message: string;
    };

export interface SubscriberRetry extends EventFailure {
  /** How many times in a row it has failed so; it resubscribes after a delay that grows with this. */
  readonly attempt: number;
}

export interface SubscriberStatus {
  readonly name: string;
  readonly state: SubscriberState;
  /** The last position this subscriber has fully handled. */
  readonly position: string | undefined;
  /** The poison event that stopped it, when it failed. */
  readonly failure?: SubscriberFailure;
  /** What it could not write for a reason not of the event's making (a full disk), until it gets past it. */
  readonly retry?: SubscriberRetry;
  /** How many events a reaction has parked and goes on without (GET /admin/parked-events lists them). */
  readonly parked?: number;
}

/** A named, checkpointed reader of the global log. */
export interface Subscriber {
  readonly name: string;
  start(store: EventStore): void;
  stop(): Promise<void>;
  status(): SubscriberStatus;
  /** Called after each step forward, so waiters can check positions. */
  onProgress?: () => void;
  /** Resolves once the subscriber has caught up with the log for the first time (or failed). */
  readonly caughtUp: Promise<void>;
}
