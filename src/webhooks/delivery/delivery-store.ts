import Database from 'better-sqlite3';

/** Where one endpoint's deliveries stand: its own checkpoint, and its failures while they last. */
export interface EndpointProgress {
  /** The feed cursor after the last event delivered (or skipped as not the endpoint's). */
  readonly position: string;
  /** The replays applied so far: a replay the read model counts beyond this moves `position` back. */
  readonly replays: number;
  /** Since when (ms) deliveries have failed without a success; undefined when the last one succeeded. */
  readonly failingSince?: number;
  readonly attempts: number;
  /** When (ms) the failed event is tried again. */
  readonly nextAttemptAt?: number;
}

export interface DeliveryAttempt {
  readonly attemptedAt: string;
  readonly eventId: string;
  readonly messageId: string;
  readonly statusCode?: number;
  readonly error?: string;
  readonly durationMs: number;
  readonly nextRetryAt?: string;
}

export interface LoggedAttempt extends DeliveryAttempt {
  readonly seq: number;
}

interface ProgressRow {
  position: string;
  replays: number;
  failing_since: number | null;
  attempts: number;
  next_attempt_at: number | null;
}

interface AttemptRow {
  seq: number;
  attempted_at: string;
  event_id: string;
  message_id: string;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
  next_retry_at: string | null;
}

/**
 * Delivery checkpoints and logs in their own SQLite file, apart from the read models: rebuilding
 * those must not send every endpoint the whole log again. The log keeps the last `keep` attempts of
 * each endpoint.
 */
export class WebhookDeliveryStore {
  private readonly db: Database.Database;

  constructor(
    file: string,
    private readonly keep = 1000,
  ) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS webhook_progress (
        webhook_id TEXT PRIMARY KEY, position TEXT NOT NULL, replays INTEGER NOT NULL,
        failing_since INTEGER, attempts INTEGER NOT NULL, next_attempt_at INTEGER);
      CREATE TABLE IF NOT EXISTS webhook_attempts (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, webhook_id TEXT NOT NULL, attempted_at TEXT NOT NULL,
        event_id TEXT NOT NULL, message_id TEXT NOT NULL, status_code INTEGER, error TEXT,
        duration_ms INTEGER NOT NULL, next_retry_at TEXT);
      CREATE INDEX IF NOT EXISTS webhook_attempts_by_webhook ON webhook_attempts (webhook_id, seq);`);
  }

  progress(webhookId: string): EndpointProgress | undefined {
    const row = this.db.prepare('SELECT * FROM webhook_progress WHERE webhook_id = ?').get(webhookId) as
      ProgressRow | undefined;
    return (
      row && {
        position: row.position,
        replays: row.replays,
        attempts: row.attempts,
        ...(row.failing_since !== null ? { failingSince: row.failing_since } : {}),
        ...(row.next_attempt_at !== null ? { nextAttemptAt: row.next_attempt_at } : {}),
      }
    );
  }

  /** Saves the progress and, in the same transaction, logs the attempt that led to it. */
  save(webhookId: string, progress: EndpointProgress, attempt?: DeliveryAttempt): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT OR REPLACE INTO webhook_progress
             (webhook_id, position, replays, failing_since, attempts, next_attempt_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(
          webhookId,
          progress.position,
          progress.replays,
          progress.failingSince ?? null,
          progress.attempts,
          progress.nextAttemptAt ?? null,
        );
      if (attempt) this.log(webhookId, attempt);
    })();
  }

  /** The newest attempts first, `before` a sequence number for the next page. */
  attempts(webhookId: string, limit: number, before?: number): LoggedAttempt[] {
    const rows = this.db
      .prepare(`SELECT * FROM webhook_attempts WHERE webhook_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?`)
      .all(webhookId, before ?? Number.MAX_SAFE_INTEGER, limit) as AttemptRow[];
    return rows.map((row) => ({
      seq: row.seq,
      attemptedAt: row.attempted_at,
      eventId: row.event_id,
      messageId: row.message_id,
      durationMs: row.duration_ms,
      ...(row.status_code !== null ? { statusCode: row.status_code } : {}),
      ...(row.error !== null ? { error: row.error } : {}),
      ...(row.next_retry_at !== null ? { nextRetryAt: row.next_retry_at } : {}),
    }));
  }

  forget(webhookId: string): void {
    this.db.prepare('DELETE FROM webhook_progress WHERE webhook_id = ?').run(webhookId);
    this.db.prepare('DELETE FROM webhook_attempts WHERE webhook_id = ?').run(webhookId);
  }

  close(): void {
    this.db.close();
  }

  private log(webhookId: string, attempt: DeliveryAttempt): void {
    this.db
      .prepare(
        `INSERT INTO webhook_attempts
           (webhook_id, attempted_at, event_id, message_id, status_code, error, duration_ms, next_retry_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        webhookId,
        attempt.attemptedAt,
        attempt.eventId,
        attempt.messageId,
        attempt.statusCode ?? null,
        attempt.error ?? null,
        attempt.durationMs,
        attempt.nextRetryAt ?? null,
      );
    this.db
      .prepare(
        `DELETE FROM webhook_attempts WHERE webhook_id = ? AND seq <= (
           SELECT seq FROM webhook_attempts WHERE webhook_id = ? ORDER BY seq DESC LIMIT 1 OFFSET ?)`,
      )
      .run(webhookId, webhookId, this.keep);
  }
}
