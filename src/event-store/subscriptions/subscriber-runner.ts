import type { AnyProjection } from '../../../projections/projection.js';
import type { EventStore } from '../event-store.port.js';
import { ProjectionSubscriber } from './projection-subscriber.js';
import type { ReadModelDatabase } from './read-model-database.js';
import type { Subscriber, SubscriberStatus } from './subscriber.js';

/** Starts every subscriber of the global log and reports their state; one failing does not stop the others. */
export class SubscriberRunner {
  private readonly subscribers: Subscriber[];

  constructor(
    private readonly store: EventStore,
    readModels: ReadModelDatabase,
    projections: readonly AnyProjection[],
    options: { rebuild?: boolean } = {},
  ) {
    this.subscribers = projections.map(
      (p) => new ProjectionSubscriber(p, readModels, options.rebuild ?? false),
    );
  }

  start(): void {
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
