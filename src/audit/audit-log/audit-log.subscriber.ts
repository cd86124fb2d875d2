import {
  auditEntry,
  EMPTY_CONTEXT,
  type AuditEntry,
  type StreamContext,
} from '../../../projections/audit/audit-entry.js';
import type { DaftarEvent } from '../../../projections/daftar-events.js';
import type { RecordedEvent } from '../../event-store/event-envelope.js';
import { CheckpointedSubscriber } from '../../event-store/subscriptions/checkpointed-subscriber.js';
import type { ReadModelDatabase } from '../../event-store/subscriptions/read-model-database.js';
import { todayInTehran } from '../../shared/tehran-date.js';
import { AUDIT_LOG_SUBSCRIBER, AUDIT_LOG_VERSION, prepareAuditTables } from './audit-log.tables.js';

/**
 * Writes every event of the log, in log order, to the audit log's tables; the rows of a page and the
 * checkpoint are written in one transaction, so each event is an entry exactly once.
 */
export class AuditLogSubscriber extends CheckpointedSubscriber {
  private readonly writeAll: (events: readonly RecordedEvent[]) => void;

  constructor(readModels: ReadModelDatabase) {
    super(AUDIT_LOG_SUBSCRIBER, readModels);
    prepareAuditTables(readModels);
    const db = readModels.db;
    const getContext = db
      .prepare<[string], string>('SELECT context FROM audit_streams WHERE stream = ?')
      .pluck();
    const putContext = db.prepare(
      'INSERT INTO audit_streams (stream, context) VALUES (?, ?) ON CONFLICT (stream) DO UPDATE SET context = excluded.context',
    );
    const putEntry = db.prepare(`INSERT INTO audit_entries (event_id, type, category, stream, revision,
      recorded_at, logged_at, actor_id, actor_role, office, on_behalf_of, consent, municipality, region, subject,
      subjects)
      VALUES (@eventId, @type, @category, @stream, @revision, @recordedAt, @loggedAt, @actorId, @actorRole, @office,
      @onBehalfOf, @consent, @municipality, @region, @subject, @subjects)`);
    const putSubject = db.prepare('INSERT OR IGNORE INTO audit_subjects (subject, seq) VALUES (?, ?)');
    const countDay =
      db.prepare(`INSERT INTO audit_actor_days (actor_id, municipality, region, day, type, count)
      VALUES (?, ?, ?, ?, ?, 1) ON CONFLICT DO UPDATE SET count = count + 1`);
    const countStream =
      db.prepare(`INSERT INTO audit_actor_streams (actor_id, municipality, region, stream, count, last_at)
      VALUES (?, ?, ?, ?, 1, ?) ON CONFLICT DO UPDATE SET count = count + 1, last_at = excluded.last_at`);

    // The latest recorded time so far in log order. recordedAt is when a request began, and a record
    // written in the background lands later in the log than requests begun after it, so recordedAt alone
    // does not rise with seq; this does, and an entry's recordedAt is never above it.
    let loggedAt =
      db.prepare<[], string | null>('SELECT max(logged_at) FROM audit_entries').pluck().get() ?? '';
    // One row per place, in a row; searches over several of them answer the entry once (see search).
    const write = (entry: AuditEntry) => {
      const { subjects, alsoIn = [], ...columns } = entry;
      if (entry.recordedAt > loggedAt) loggedAt = entry.recordedAt;
      const row = { ...nulls, ...columns };
      const elsewhere = alsoIn.map((p) => ({
        ...row,
        municipality: p.municipality,
        region: p.region ?? null,
      }));
      const day = todayInTehran(new Date(entry.recordedAt));
      for (const place of [row, ...elsewhere]) {
        const seq = putEntry.run({
          ...place,
          loggedAt,
          subject: subjects[0] ?? null,
          subjects: JSON.stringify(subjects),
        }).lastInsertRowid;
        for (const key of subjects) putSubject.run(key, seq);
        if (place.municipality === null) continue;
        const [municipality, region] = [place.municipality, place.region ?? ''];
        countDay.run(entry.actorId, municipality, region, day, entry.type);
        countStream.run(entry.actorId, municipality, region, entry.stream, entry.recordedAt);
      }
    };

    const writePage = db.transaction((events: readonly RecordedEvent[]) => {
      const contexts = new Map<string, StreamContext>();
      for (const event of events) {
        const held = contexts.get(event.stream) ?? storedContext(getContext.get(event.stream));
        const { entry, context } = auditEntry(event as RecordedEvent<DaftarEvent>, held);
        write(entry);
        contexts.set(event.stream, context);
      }
      for (const [stream, context] of contexts) putContext.run(stream, JSON.stringify(context));
      readModels.saveCheckpoint(this.name, events.at(-1)!.position, AUDIT_LOG_VERSION);
    });
    // A page rolled back (a full disk) is written again later: from the time it began with.
    this.writeAll = (events) => {
      const before = loggedAt;
      try {
        writePage(events);
      } catch (error) {
        loggedAt = before;
        throw error;
      }
    };
  }

  protected delivery() {
    const take = (events: readonly RecordedEvent[]) => {
      this.writeAll(events);
      this.advanced(events.at(-1)!.position);
    };
    return { filter: {}, handler: { onEvent: (event: RecordedEvent) => take([event]), onEvents: take } };
  }
}

/** Optional columns absent from an entry are stored as NULL. */
const nulls = { office: null, onBehalfOf: null, consent: null, municipality: null, region: null };

function storedContext(json: string | undefined): StreamContext {
  return json === undefined ? EMPTY_CONTEXT : (JSON.parse(json) as StreamContext);
}
