import type { Actor } from '../event-envelope.js';

/** Who issues a command and why: copied into the metadata of every event it produces. */
export interface CommandContext {
  readonly actor: Actor;
  readonly correlationId: string;
  /** The request or event that caused this command. */
  readonly causationId: string;
  /** UTC ISO-8601, read once per request so every event of one command shares it. */
  readonly now: string;
}

export interface CommandOptions {
  /** From `If-Match`: the revision the client last saw; a different one is answered 412. */
  readonly expectedRevision?: bigint;
  /** From `Idempotency-Key`: a retried command returns its first result instead of acting twice. */
  readonly idempotencyKey?: string;
}
