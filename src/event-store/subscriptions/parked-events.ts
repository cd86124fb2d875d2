import type Database from 'better-sqlite3';
import type { RecordedEvent } from '../event-envelope.js';

/** `failed`: the reaction kept failing on it; `held`: it waits behind a parked event of its stream. */
export type ParkReason = 'failed' | 'held';

export interface ParkedEvent {
  readonly subscriber: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly stream: string;
  readonly revision: string;
  readonly position: string;
  readonly reason: ParkReason;
  readonly message: string;
  readonly parkedAt: string;
}

interface Row {
  subscriber: string;
  event_id: string;
  event_type: string;
  stream: string;
  revision: number;
  position: string;
  reason: ParkReason;
  message: string;
  parked_at: string;
}

/** At most this many are listed at once; more parked events than that is an outage to fix, not to page. */
export const PARKED_LIST_LIMIT = 500;

export const PARKED_COLUMNS =
  'subscriber, event_id, event_type, stream, revision, position, reason, message, parked_at';

/**
 * Events a reaction could not handle, kept beside its checkpoint in the reactions' file: a reaction
 * parks an event in the transaction that moves its checkpoint past it, so none is lost in a crash.
 */
export class ParkedEvents {
  private readonly insert: Database.Statement<Row>;
  private readonly selectOne: Database.Statement<[string, string], Row>;
  private readonly selectStream: Database.Statement<[string, string], Row>;
  private readonly selectHeld: Database.Statement<[string], { stream: string; event_id: string }>;
  private readonly selectAll: Database.Statement<[number], Row>;
  private readonly countAll: Database.Statement<[], { n: number }>;
  private readonly remove: Database.Statement<[string, string]>;
  private readonly refail: Database.Statement<[string, string, string, string]>;

  constructor(db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS parked_events (
      subscriber TEXT NOT NULL, event_id TEXT NOT NULL, event_type TEXT NOT NULL, stream TEXT NOT NULL,
      revision INTEGER NOT NULL, position TEXT NOT NULL, reason TEXT NOT NULL, message TEXT NOT NULL,
      parked_at TEXT NOT NULL, PRIMARY KEY (subscriber, event_id))`);
    db.exec(
      'CREATE INDEX IF NOT EXISTS parked_events_stream ON parked_events (subscriber, stream, revision)',
    );
    // A redelivery after a crash parks the same event again: the first record stands.
    this.insert = db.prepare(`INSERT OR IGNORE INTO parked_events (${PARKED_COLUMNS}) VALUES
      (@subscriber, @event_id, @event_type, @stream, @revision, @position, @reason, @message, @parked_at)`);
    this.selectOne = db.prepare(
      `SELECT ${PARKED_COLUMNS} FROM parked_events WHERE subscriber = ? AND event_id = ?`,
    );
    this.selectStream = db.prepare(
      `SELECT ${PARKED_COLUMNS} FROM parked_events WHERE subscriber = ? AND stream = ? ORDER BY revision`,
    );
    this.selectHeld = db.prepare('SELECT stream, event_id FROM parked_events WHERE subscriber = ?');
    // Parked in log order, so the insertion order (rowid) is the log's.
    this.selectAll = db.prepare(`SELECT ${PARKED_COLUMNS} FROM parked_events ORDER BY rowid LIMIT ?`);
    this.countAll = db.prepare('SELECT count(*) AS n FROM parked_events');
    this.remove = db.prepare('DELETE FROM parked_events WHERE subscriber = ? AND event_id = ?');
    this.refail = db.prepare(
      `UPDATE parked_events SET reason = 'failed', message = ?, parked_at = ? WHERE subscriber = ? AND event_id = ?`,
    );
  }

  /** Call inside the transaction that saves the subscriber's checkpoint past these events. */
  park(events: readonly ParkedEvent[]): void {
    for (const e of events) {
      this.insert.run({
        subscriber: e.subscriber,
        event_id: e.eventId,
        event_type: e.eventType,
        stream: e.stream,
        revision: Number(e.revision),
        position: e.position,
        reason: e.reason,
        message: e.message,
        parked_at: e.parkedAt,
      });
    }
  }

  get(subscriber: string, eventId: string): ParkedEvent | undefined {
    const row = this.selectOne.get(subscriber, eventId);
    return row && fromRow(row);
  }

  /** The subscriber's parked events of one stream, in stream order. */
  ofStream(subscriber: string, stream: string): ParkedEvent[] {
    return this.selectStream.all(subscriber, stream).map(fromRow);
  }

  /** Which streams the subscriber holds parked events of: later events of those streams wait too. */
  heldBy(subscriber: string): { readonly stream: string; readonly eventId: string }[] {
    return this.selectHeld.all(subscriber).map((r) => ({ stream: r.stream, eventId: r.event_id }));
  }

  /** The oldest parked events of every subscriber, and how many there are in all. */
  list(): { readonly items: ParkedEvent[]; readonly total: number } {
    const items = this.selectAll.all(PARKED_LIST_LIMIT).map(fromRow);
    return { items, total: this.countAll.get()!.n };
  }

  release(subscriber: string, eventId: string): void {
    this.remove.run(subscriber, eventId);
  }

  /** A retry failed again: the event stays parked, with the new reason. */
  failedAgain(subscriber: string, eventId: string, message: string, at: string): void {
    this.refail.run(message, at, subscriber, eventId);
  }
}

export function parkedEvent(
  subscriber: string,
  event: RecordedEvent,
  reason: ParkReason,
  message: string,
): ParkedEvent {
  return {
    subscriber,
    eventId: event.id,
    eventType: event.type,
    stream: event.stream,
    revision: event.revision.toString(),
    position: event.position,
    reason,
    message,
    parkedAt: new Date().toISOString(),
  };
}

function fromRow(row: Row): ParkedEvent {
  return {
    subscriber: row.subscriber,
    eventId: row.event_id,
    eventType: row.event_type,
    stream: row.stream,
    revision: String(row.revision),
    position: row.position,
    reason: row.reason,
    message: row.message,
    parkedAt: row.parked_at,
  };
}
