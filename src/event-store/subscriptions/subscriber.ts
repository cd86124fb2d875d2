import type { EventStore } from '../event-store.port.js';

export type SubscriberState = 'starting' | 'catching_up' | 'live' | 'retrying' | 'failed' | 'stopped';

export interface SubscriberFailure {
  readonly position: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly message: string;
}

export interface SubscriberRetry extends SubscriberFailure {
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
