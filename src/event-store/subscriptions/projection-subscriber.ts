import type Database from 'better-sqlite3';
import type { Projection } from '../../../projections/projection.js';
import type { RecordedEvent } from '../event-envelope.js';
import { documentTable, type ReadModelDatabase } from './read-model-database.js';
import { CheckpointedSubscriber } from './checkpointed-subscriber.js';

/**
 * Keeps one projection's documents up to date. The document changes of a page of the log and the
 * checkpoint are written in one transaction, so after any crash every event has counted exactly once.
 */
export class ProjectionSubscriber extends CheckpointedSubscriber {
  private readonly applyAll: Database.Transaction<(events: readonly RecordedEvent[]) => void>;
  private readonly table: string;

  constructor(
    private readonly projection: Projection<unknown>,
    private readonly readModels: ReadModelDatabase,
    /** Drop the documents and replay the whole log. */
    rebuild = false,
  ) {
    super(`projection:${projection.name}`, readModels);
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
    // The documents a page touches are read and parsed once, evolved in memory through all of its
    // events, and written once: catching up on a busy stream is linear in its length, not quadratic.
    const evolvePage = (events: readonly RecordedEvent[]) => {
      const working = new Map<string, unknown>();
      for (const event of events) {
        const id = projection.documentId(event);
        if (id === null) continue;
        const current = working.has(id) ? working.get(id)! : parsed(load.get(id));
        working.set(id, projection.evolve(current, event));
      }
      for (const [id, doc] of working) {
        if (doc === null) remove.run(id);
        else save.run(id, JSON.stringify(doc));
      }
    };
    // A page in one transaction: under load the per-commit cost, not the documents, dominates.
    this.applyAll = db.transaction((events: readonly RecordedEvent[]) => {
      evolvePage(events);
      readModels.saveCheckpoint(this.name, events.at(-1)!.position, projection.version);
    });
  }

  protected delivery() {
    const handles = this.projection.handles;
    return {
      filter: handles === 'all' ? {} : { types: handles },
      handler: {
        onEvent: (event: RecordedEvent) => this.take([event]),
        onEvents: (events: readonly RecordedEvent[]) => this.take(events),
      },
    };
  }

  private take(events: readonly RecordedEvent[]): void {
    this.applyAll(events);
    this.applied(events);
  }

  /** After the commit: caches drop the changed documents, and waiters learn the new position. */
  private applied(events: readonly RecordedEvent[]): void {
    for (const event of events) {
      const id = this.projection.documentId(event);
      if (id !== null) this.readModels.documentChanged(this.table, id);
    }
    this.advanced(events.at(-1)!.position);
  }

  private isOutdated(): boolean {
    const checkpoint = this.readModels.checkpoint(this.name);
    return checkpoint !== undefined && checkpoint.version !== this.projection.version;
  }
}

function parsed(row: { doc: string } | undefined): unknown {
  return row ? (JSON.parse(row.doc) as unknown) : null;
}
