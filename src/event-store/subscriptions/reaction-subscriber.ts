import type { RecordedEvent } from '../event-envelope.js';
import type { ReadModelDatabase } from './read-model-database.js';
import { CheckpointedSubscriber } from './checkpointed-subscriber.js';

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
export class ReactionSubscriber extends CheckpointedSubscriber {
  constructor(
    private readonly reaction: Reaction,
    checkpoints: ReadModelDatabase,
    private readonly retries: ReactionRetryPolicy = DEFAULT_RETRIES,
  ) {
    super(`reaction:${reaction.name}`, checkpoints);
  }

  protected delivery() {
    return {
      filter: { types: this.reaction.handles },
      handler: {
        onEvent: async (event: RecordedEvent) => {
          await this.reactWithRetries(event);
          this.checkpoints.saveCheckpoint(this.name, event.position, 1);
          this.advanced(event.position);
        },
      },
    };
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
}
