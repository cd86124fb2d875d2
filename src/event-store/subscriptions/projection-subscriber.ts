import type Database from 'better-sqlite3';
import type { Projection } from '../../../projections/projection.js';
import type { RecordedEvent } from '../event-envelope.js';
import type { EventStore, Subscription } from '../event-store.port.js';
import { documentTable, type ReadModelDatabase } from './read-model-database.js';
import type { Subscriber, SubscriberFailure, SubscriberState, SubscriberStatus } from './subscriber.js';

/**
 * Keeps one projection's documents up to date. Each event's document change and the checkpoint are
 * written in one transaction, so after any crash every event has counted exactly once.
 */
export class ProjectionSubscriber implements Subscriber {
  readonly name: string;
  readonly caughtUp: Promise<void>;
  private signalCaughtUp!: () => void;
  private state: SubscriberState = 'starting';
  private position: string | undefined;
  private failure: SubscriberFailure | undefined;
  private subscription: Subscription | undefined;
  private readonly apply: Database.Transaction<(event: RecordedEvent) => void>;
  private readonly applyAll: Database.Transaction<(events: readonly RecordedEvent[]) => void>;
  onProgress?: () => void;
  private readonly table: string;

  constructor(
    private readonly projection: Projection<unknown>,
    private readonly readModels: ReadModelDatabase,
    /** Drop the documents and replay the whole log. */
    rebuild = false,
  ) {
    this.name = `projection:${projection.name}`;
    this.caughtUp = new Promise((resolve) => (this.signalCaughtUp = resolve));
    const table = documentTable(projection.name);
    this.table = table;
    const db = readModels.db;
    const reset = rebuild || this.isOutdated();
    readModels.prepareDocuments(projection.name, projection.indexes ?? [], reset ? this.name : undefined);
    const load = db.prepare<[string], { doc: string }>(`SELECT doc FROM ${table} WHERE id = ?`);
    const save = db.prepare<[string, string]>(
      `INSERT INTO ${table} (id, doc) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc`,
    );
    const remove = db.prepare<[string]>(`DELETE FROM ${table} WHERE id = ?`);
    const evolveOne = (event: RecordedEvent) => {
      const id = projection.documentId(event);
      if (id !== null) {
        const row = load.get(id);
        const next = projection.evolve(row ? (JSON.parse(row.doc) as unknown) : null, event);
        if (next === null) remove.run(id);
        else save.run(id, JSON.stringify(next));
      }
    };
    this.apply = db.transaction((event: RecordedEvent) => {
      evolveOne(event);
      readModels.saveCheckpoint(this.name, event.position, projection.version);
    });
    // A page in one transaction: under load the per-commit cost, not the documents, dominates.
    this.applyAll = db.transaction((events: readonly RecordedEvent[]) => {
      events.forEach(evolveOne);
      readModels.saveCheckpoint(this.name, events.at(-1)!.position, projection.version);
    });
  }

  start(store: EventStore): void {
    this.position = this.readModels.checkpoint(this.name)?.position;
    this.state = 'catching_up';
    const handles = this.projection.handles;
    this.subscription = store.subscribeAll(
      this.position,
      {
        onEvent: (event) => {
          this.apply(event);
          this.applied([event]);
        },
        onEvents: (events) => {
          this.applyAll(events);
          this.applied(events);
        },
        onCaughtUp: (position) => {
          // Past the events its filter skipped, too: waiting for those must not hang.
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
      handles === 'all' ? {} : { types: handles },
    );
  }

  /** After the commit: caches drop the changed documents, and waiters learn the new position. */
  private applied(events: readonly RecordedEvent[]): void {
    for (const event of events) {
      const id = this.projection.documentId(event);
      if (id !== null) this.readModels.documentChanged(this.table, id);
    }
    this.position = events.at(-1)!.position;
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

  private isOutdated(): boolean {
    const checkpoint = this.readModels.checkpoint(this.name);
    return checkpoint !== undefined && checkpoint.version !== this.projection.version;
  }
}
