import type { AnyProjection } from '../../../projections/projection.js';
import type { EventStore } from '../event-store.port.js';
import { ProjectionSubscriber } from './projection-subscriber.js';
import type { ReadModelDatabase } from './read-model-database.js';
import type { Subscriber, SubscriberStatus } from './subscriber.js';

interface Waiter {
  readonly position: string;
  readonly names: readonly string[] | undefined;
  readonly resolve: () => void;
}

/** Starts every subscriber of the global log and reports their state; one failing does not stop the others. */
export class SubscriberRunner {
  private readonly subscribers: Subscriber[];
  private readonly waiters = new Set<Waiter>();
  private started = false;

  constructor(
    private readonly store: EventStore,
    readModels: ReadModelDatabase,
    projections: readonly AnyProjection[],
    options: { rebuild?: boolean } = {},
  ) {
    this.subscribers = projections.map(
      (p) => new ProjectionSubscriber(p, readModels, options.rebuild ?? false),
    );
    for (const subscriber of this.subscribers) subscriber.onProgress = () => this.wakeWaiters();
  }

  /**
   * Read-your-writes: resolves once the named subscribers (all when omitted) have handled the log up to
   * `position`, or have failed, or after `timeoutMs`; answers whether they all got there (a failed
   * one did not, even when it stopped past `position`).
   */
  waitFor(
    position: string,
    options: { names?: readonly string[]; timeoutMs?: number } = {},
  ): Promise<boolean> {
    if (this.reached(position, options.names)) return Promise.resolve(this.healthy(options.names));
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        resolve(false);
      }, options.timeoutMs ?? 5000);
      const waiter: Waiter = {
        position,
        names: options.names,
        resolve: () => {
          clearTimeout(timer);
          resolve(this.healthy(options.names));
        },
      };
      this.waiters.add(waiter);
    });
  }

  private reached(position: string, names: readonly string[] | undefined): boolean {
    return this.subscribers
      .filter((s) => names === undefined || names.includes(s.name))
      .every((s) => {
        const status = s.status();
        if (status.state === 'failed') return true;
        return status.position !== undefined && this.store.comparePositions(status.position, position) >= 0;
      });
  }

  private healthy(names: readonly string[] | undefined): boolean {
    return this.subscribers
      .filter((s) => names === undefined || names.includes(s.name))
      .every((s) => s.status().state !== 'failed');
  }

  private wakeWaiters(): void {
    for (const waiter of this.waiters) {
      if (this.reached(waiter.position, waiter.names)) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }

  /** Adds a subscriber (a reaction) before the start; reactions are Nest providers, made after the runner. */
  register(subscriber: Subscriber): void {
    if (this.started) throw new Error(`Subscriber ${subscriber.name} registered after the start`);
    subscriber.onProgress = () => this.wakeWaiters();
    this.subscribers.push(subscriber);
  }

  /** Starts every subscriber once; later calls do nothing, so start-up tasks may call it to be sure. */
  start(): void {
    if (this.started) return;
    this.started = true;
    for (const subscriber of this.subscribers) subscriber.start(this.store);
  }

  /** Resolves when every subscriber has caught up once (or failed). */
  async caughtUp(): Promise<void> {
    await Promise.all(this.subscribers.map((s) => s.caughtUp));
  }

  async stop(): Promise<void> {
    await Promise.all(this.subscribers.map((s) => s.stop()));
  }

  statuses(): SubscriberStatus[] {
    return this.subscribers.map((s) => s.status());
  }

  subscriber(name: string): Subscriber | undefined {
    return this.subscribers.find((s) => s.name === name);
  }
}

/** Drops every read model and replays the whole log into it; the server must not run meanwhile. */
export async function rebuildProjections(
  store: EventStore,
  readModels: ReadModelDatabase,
  projections: readonly AnyProjection[],
): Promise<SubscriberStatus[]> {
  const runner = new SubscriberRunner(store, readModels, projections, { rebuild: true });
  runner.start();
  await runner.caughtUp();
  await runner.stop();
  return runner.statuses();
}
