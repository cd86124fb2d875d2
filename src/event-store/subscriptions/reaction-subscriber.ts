import { Logger } from '@nestjs/common';
import { isRefusal } from '../../shared/domain-error.js';
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

/**
 * How many events one reaction handles at once. Events of one stream stay in order; events of
 * different streams (two inquiries, two permit files) are independent, and a reaction that waited for
 * each event's commits and read models in turn would cap the whole flow at its latency.
 */
const IN_FLIGHT = 128;

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
  /** Events handed over and not yet finished, in log order; the checkpoint follows the finished front. */
  private readonly underWay: { readonly position: string; done: boolean }[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  /** The last event under way of each stream, which the stream's next event waits for. */
  private readonly streamTails = new Map<string, Promise<void>>();
  private stopping = false;
  private readonly logger = new Logger('Reactions');
  /** Where the subscription caught up while reactions were still under way. */
  private caughtUpAt: string | undefined;

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
        onEvent: (event: RecordedEvent) => this.dispatch(event),
        onEvents: async (events: readonly RecordedEvent[]) => {
          for (const event of events) await this.dispatch(event);
        },
      },
    };
  }

  /** Starts the event's reaction once its stream's previous one is done; waits only while too many run. */
  private async dispatch(event: RecordedEvent): Promise<void> {
    if (this.stopping) return;
    const entry = { position: event.position, done: false };
    this.underWay.push(entry);
    const previous = this.streamTails.get(event.stream) ?? Promise.resolve();
    const work: Promise<void> = previous
      .then(async () => {
        // After a failure nothing more runs: the checkpoint stays before the failed event.
        if (this.stopping) return;
        try {
          await this.reactWithRetries(event);
        } catch (error) {
          this.fail(error, event);
          return;
        }
        entry.done = true;
        try {
          this.checkpointFinishedFront();
        } catch (error) {
          this.fail(error, event);
        }
      })
      .finally(() => {
        this.inFlight.delete(work);
        if (this.streamTails.get(event.stream) === work) this.streamTails.delete(event.stream);
      });
    this.streamTails.set(event.stream, work);
    this.inFlight.add(work);
    while (this.inFlight.size >= IN_FLIGHT) await Promise.race(this.inFlight);
  }

  private checkpointFinishedFront(): void {
    let finished: string | undefined;
    while (this.underWay[0]?.done) finished = this.underWay.shift()!.position;
    if (finished === undefined || this.stopping) return;
    this.checkpoints.saveCheckpoint(this.name, finished, 1);
    this.advanced(finished);
    if (this.underWay.length === 0 && this.caughtUpAt !== undefined) {
      const reached = this.caughtUpAt;
      this.caughtUpAt = undefined;
      // The caught-up position may lie before `finished`, when events came after it.
      if (this.comparePositions(reached, finished) >= 0) this.live(reached);
    }
  }

  protected override subscriptionCaughtUp(position: string | undefined): void {
    if (this.underWay.length === 0) this.live(position);
    else this.caughtUpAt = position;
  }

  protected override fail(error: unknown, event: RecordedEvent): void {
    this.stopping = true;
    super.fail(error, event);
  }

  override async stop(): Promise<void> {
    await super.stop();
    await Promise.allSettled([...this.inFlight]);
  }

  private async reactWithRetries(event: RecordedEvent): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.reaction.react(event);
      } catch (error) {
        // The rules said no (the file was closed meanwhile): that is the reaction's outcome, logged;
        // stopping would hold back every later event of every stream.
        if (isRefusal(error)) {
          this.logger.warn(
            `${this.name} refused at ${event.type} ${event.id}: ${error.code} ${error.message}`,
          );
          return;
        }
        if (attempt >= this.retries.attempts) throw error;
        await new Promise((resolve) => setTimeout(resolve, this.retries.firstDelayMs * 2 ** (attempt - 1)));
      }
    }
  }
}
