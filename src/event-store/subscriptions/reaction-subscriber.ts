import type { RecordedEvent } from '../event-envelope.js';
import type { EventStore, Subscription } from '../event-store.port.js';
import type { ReadModelDatabase } from './read-model-database.js';
import type { Subscriber, SubscriberFailure, SubscriberState, SubscriberStatus } from './subscriber.js';

/**
 * Something that must happen after an event (issue a document, assess fees, answer an inquiry).
 * Delivery is at least once: after a crash the last event may be handed over again, so `react` must
 * be idempotent, which commands whose decider answers a repeat with no events are.
 */
export interface Reaction {
  /** Table-safe: lower case letters, digits, underscores and hyphens. */
  readonly name: string;
  readonly handles: readonly string[];
  react(event: RecordedEvent): Promise<void>;
}

export interface ReactionRetryPolicy {
  readonly attempts: number;
  readonly firstDelayMs: number;
}

const DEFAULT_RETRIES: ReactionRetryPolicy = { attempts: 5, firstDelayMs: 50 };

/**
 * Runs one reaction over the global log with a durable checkpoint. A failing event is retried with
 * doubling delays (a conflict or an unreachable store usually passes); one that keeps failing stops
 * the reaction and is reported by /ready, so nothing is silently skipped.
 */
export class ReactionSubscriber implements Subscriber {
  readonly name: string;
  readonly caughtUp: Promise<void>;
  onProgress?: () => void;
  private signalCaughtUp!: () => void;
  private state: SubscriberState = 'starting';
  private position: string | undefined;
  private failure: SubscriberFailure | undefined;
  private subscription: Subscription | undefined;

  constructor(
    private readonly reaction: Reaction,
    private readonly checkpoints: ReadModelDatabase,
    private readonly retries: ReactionRetryPolicy = DEFAULT_RETRIES,
  ) {
    this.name = `reaction:${reaction.name}`;
    this.caughtUp = new Promise((resolve) => (this.signalCaughtUp = resolve));
  }

  start(store: EventStore): void {
    this.position = this.checkpoints.checkpoint(this.name)?.position;
    this.state = 'catching_up';
    this.subscription = store.subscribeAll(
      this.position,
      {
        onEvent: async (event) => {
          await this.reactWithRetries(event);
          this.checkpoints.saveCheckpoint(this.name, event.position, 1);
          this.position = event.position;
          this.onProgress?.();
        },
        onCaughtUp: (position) => {
          if (position !== undefined) this.position = position;
          this.state = 'live';
          this.signalCaughtUp();
          this.onProgress?.();
        },
        onError: (error, event) => {
          this.state = 'failed';
          this.failure = {
            position: event.position,
            eventId: event.id,
            eventType: event.type,
            message: error instanceof Error ? error.message : String(error),
          };
          this.signalCaughtUp();
          this.onProgress?.();
        },
      },
      { types: this.reaction.handles },
    );
  }

  private async reactWithRetries(event: RecordedEvent): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.reaction.react(event);
      } catch (error) {
        if (attempt >= this.retries.attempts) throw error;
        await new Promise((resolve) => setTimeout(resolve, this.retries.firstDelayMs * 2 ** (attempt - 1)));
      }
    }
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
