import type { EventStore } from '../event-store.port.js';

export type SubscriberState = 'starting' | 'catching_up' | 'live' | 'failed' | 'stopped';

export interface SubscriberFailure {
  readonly position: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly message: string;
}

export interface SubscriberStatus {
  readonly name: string;
  readonly state: SubscriberState;
  /** The last position this subscriber has fully handled. */
  readonly position: string | undefined;
  /** The poison event that stopped it, when it failed. */
  readonly failure?: SubscriberFailure;
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
