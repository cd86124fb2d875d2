import { Logger } from '@nestjs/common';
import { DomainError, isRefusal } from '../../shared/domain-error.js';
import { KeyedTurns } from '../../shared/keyed-turns.js';
import type { RecordedEvent } from '../event-envelope.js';
import type { EventStore } from '../event-store.port.js';
import { CheckpointedSubscriber } from './checkpointed-subscriber.js';
import { parkedEvent, type ParkedEvent, type ParkReason } from './parked-events.js';
import type { ReactionCheckpoints } from './reaction-checkpoints.js';
import { passesByItself } from './retry-later.js';
import type { SubscriberStatus } from './subscriber.js';

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

/** What a retry of a parked event came to; `processed` lists the events handled and no longer parked. */
export interface RetryOutcome {
  /** Whether the event asked for was handled this time. */
  readonly outcome: 'processed' | 'failed';
  /** The event asked for, then the events of its stream that waited behind it, as far as they went. */
  readonly processed: readonly string[];
  /** The event that failed again and stays parked, when one did. */
  readonly failure?: { readonly eventId: string; readonly message: string };
}

interface UnderWay {
  readonly position: string;
  done: boolean;
  /** Saved in the transaction that moves the checkpoint past it. */
  parked?: ParkedEvent;
}

/**
 * Runs one reaction over the global log with a durable checkpoint. A failing event is retried with
 * doubling delays (a conflict or an unreachable store usually passes). One that keeps failing is
 * parked, and the reaction goes on with the other streams; the later events of its stream are parked
 * behind it, since a reaction may rely on a stream's order (a fee assessed before the permit it
 * prices). A failure that is not the event's fault (something unavailable, the store unreachable, a
 * disk full) parks nothing: the reaction stops, /ready names it, and it resubscribes from its
 * checkpoint after a growing wait. Parking would park every event of the outage.
 */
export class ReactionSubscriber extends CheckpointedSubscriber<ReactionCheckpoints> {
  /** Events handed over and not yet finished, in log order; the checkpoint follows the finished front. */
  private readonly underWay: UnderWay[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  /** Each stream's work (its events and retries), one at a time. */
  private readonly streams = new KeyedTurns();
  /** The parked events of each stream, saved or about to be. */
  private readonly held = new Map<string, Set<string>>();
  private readonly saveFront: (position: string, parked: readonly ParkedEvent[]) => void;
  private stopping = false;
  private readonly logger = new Logger('Reactions');
  /** Where the subscription caught up while reactions were still under way. */
  private caughtUpAt: string | undefined;

  constructor(
    private readonly reaction: Reaction,
    checkpoints: ReactionCheckpoints,
    private readonly retries: ReactionRetryPolicy = DEFAULT_RETRIES,
  ) {
    super(`reaction:${reaction.name}`, checkpoints);
    this.saveFront = checkpoints.db.transaction((position: string, parked: readonly ParkedEvent[]) => {
      checkpoints.parked.park(parked);
      checkpoints.saveCheckpoint(this.name, position, 1);
    });
  }

  override start(store: EventStore): void {
    this.holdParked();
    super.start(store);
  }

  private holdParked(): void {
    for (const { stream, eventId } of this.checkpoints.parked.heldBy(this.name)) this.hold(stream, eventId);
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
    const entry: UnderWay = { position: event.position, done: false };
    this.underWay.push(entry);
    void this.inTurn(event.stream, async () => {
      // After a failure nothing more runs: the checkpoint stays before the failed event.
      if (this.stopping) return;
      try {
        entry.parked = await this.handle(event);
      } catch (error) {
        this.retryLater(error, event);
        return;
      }
      entry.done = true;
      try {
        this.checkpointFinishedFront();
      } catch (error) {
        this.fail(error, event);
      }
    });
    while (this.inFlight.size >= IN_FLIGHT) await Promise.race(this.inFlight);
  }

  /** Runs `work` after the stream's earlier work, so one stream's events and retries keep their order. */
  private inTurn<T>(stream: string, work: () => Promise<T>): Promise<T> {
    const result = this.streams.run(stream, work);
    const settled: Promise<void> = result
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => this.inFlight.delete(settled));
    this.inFlight.add(settled);
    return result;
  }

  /** Reacts, or parks the event; throws what is not the event's fault. */
  private async handle(event: RecordedEvent): Promise<ParkedEvent | undefined> {
    if (this.held.has(event.stream)) {
      return this.park(
        event,
        'held',
        `An earlier event of ${event.stream} is parked; this one waits behind it`,
      );
    }
    try {
      await this.reactWithRetries(event);
      return undefined;
    } catch (error) {
      if (!(await this.isTheEventsFault(error))) throw error;
      return this.park(event, 'failed', error instanceof Error ? error.message : String(error));
    }
  }

  private async isTheEventsFault(error: unknown): Promise<boolean> {
    if (passesByItself(error)) return false;
    try {
      await this.store!.ping();
      return true;
    } catch {
      return false;
    }
  }

  private park(event: RecordedEvent, reason: ParkReason, message: string): ParkedEvent {
    this.hold(event.stream, event.id);
    const log = reason === 'failed' ? 'error' : 'warn';
    this.logger[log](`${this.name} parked ${event.type} ${event.id} of ${event.stream}: ${message}`);
    return parkedEvent(this.name, event, reason, message);
  }

  private hold(stream: string, eventId: string): void {
    this.held.set(stream, (this.held.get(stream) ?? new Set()).add(eventId));
  }

  private release(parked: ParkedEvent): void {
    this.checkpoints.parked.release(this.name, parked.eventId);
    const ids = this.held.get(parked.stream);
    ids?.delete(parked.eventId);
    if (ids?.size === 0) this.held.delete(parked.stream);
  }

  private checkpointFinishedFront(): void {
    let finished: string | undefined;
    const parked: ParkedEvent[] = [];
    while (this.underWay[0]?.done) {
      const entry = this.underWay.shift()!;
      finished = entry.position;
      if (entry.parked) parked.push(entry.parked);
    }
    if (finished === undefined || this.stopping) return;
    this.saveFront(finished, parked);
    this.advanced(finished);
    if (this.underWay.length === 0 && this.caughtUpAt !== undefined) {
      const reached = this.caughtUpAt;
      this.caughtUpAt = undefined;
      // The caught-up position may lie before `finished`, when events came after it.
      if (this.comparePositions(reached, finished) >= 0) this.live(reached);
    }
  }

  /**
   * Runs the reaction again on a parked event, in its stream's turn, then on the events of its stream
   * parked behind it; each one handled is no longer parked. Only the first parked event of a stream
   * may be retried: running a later one first would break the stream's order.
   */
  async retry(eventId: string): Promise<RetryOutcome> {
    const asked = this.checkpoints.parked.get(this.name, eventId);
    if (!asked) throw parkedEventNotFound(this.name, eventId);
    return this.inTurn(asked.stream, async () => {
      const parked = this.checkpoints.parked.ofStream(this.name, asked.stream);
      if (!parked.some((p) => p.eventId === eventId)) throw parkedEventNotFound(this.name, eventId);
      if (parked[0]!.eventId !== eventId) {
        throw new DomainError(
          'PARKED_EVENT.NOT_FIRST',
          `Event ${parked[0]!.eventId} comes first in ${asked.stream} and is parked too: retry it first`,
          'conflict',
          { first: parked[0]!.eventId },
        );
      }
      const processed: string[] = [];
      for (const next of parked) {
        try {
          await this.reactWithRetries(await this.storedEvent(next));
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          this.checkpoints.parked.failedAgain(this.name, next.eventId, message, new Date().toISOString());
          const failure = { eventId: next.eventId, message };
          return { outcome: processed.length > 0 ? 'processed' : 'failed', processed, failure };
        }
        this.release(next);
        processed.push(next.eventId);
      }
      this.logger.log(`${this.name} handled the parked event(s) ${processed.join(', ')} on retry`);
      return { outcome: 'processed', processed };
    });
  }

  private async storedEvent(parked: ParkedEvent): Promise<RecordedEvent> {
    const [event] = await this.store!.readStream(parked.stream, {
      fromRevision: BigInt(parked.revision),
      maxCount: 1,
    });
    if (event?.id !== parked.eventId) {
      throw new Error(`Event ${parked.eventId} is no longer at ${parked.stream}@${parked.revision}`);
    }
    return event;
  }

  protected override subscriptionCaughtUp(position: string | undefined): void {
    if (this.underWay.length === 0) this.live(position);
    else this.caughtUpAt = position;
  }

  protected override halt(): void {
    this.stopping = true;
    super.halt();
  }

  /** What was under way or parked in memory is handed over again from the checkpoint. */
  protected override async prepareToResubscribe(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
    this.underWay.length = 0;
    this.caughtUpAt = undefined;
    this.held.clear();
    this.holdParked();
    this.stopping = false;
  }

  override async stop(): Promise<void> {
    await super.stop();
    await Promise.allSettled([...this.inFlight]);
  }

  override status(): SubscriberStatus {
    let parked = 0;
    for (const ids of this.held.values()) parked += ids.size;
    return { ...super.status(), parked };
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

export function parkedEventNotFound(subscriber: string, eventId: string): DomainError {
  return new DomainError(
    'PARKED_EVENT.NOT_FOUND',
    `${subscriber} has no parked event ${eventId}`,
    'not_found',
  );
}
