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
  /**
   * From `If-Match`: the revision the client last saw, or `exists` (`*`) for any revision of a stream
   * that exists; otherwise the answer is 412.
   */
  readonly expectedRevision?: bigint | 'exists';
  /** From `Idempotency-Key`: a retried command returns its first result instead of acting twice. */
  readonly idempotencyKey?: string;
  /** A digest of the request the key came with: the same key with another request is refused, not replayed. */
  readonly requestDigest?: string;
}
