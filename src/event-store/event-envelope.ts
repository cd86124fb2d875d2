/** Who did it: every event names its actor, never taken from a request body. */
export interface Actor {
  readonly id: string;
  readonly role: string;
  readonly municipality?: string;
  readonly office?: string;
  /** The citizen a counter office (دفتر پیشخوان) acts for. */
  readonly onBehalfOf?: string;
  /** The citizen's consent (رضایت) it acts under. */
  readonly consent?: string;
}

export interface EventMetadata {
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId: string;
  /** UTC ISO-8601. */
  readonly recordedAt: string;
  readonly schemaVersion: number;
  /** Set on events written under an `Idempotency-Key`: a digest of the request, keyed by that key. */
  readonly requestDigest?: string;
}

/** A domain event as deciders produce it: a plain readonly object discriminated by `type`. */
export interface DomainEvent<TType extends string = string, TData = unknown> {
  readonly type: TType;
  readonly data: TData;
}

/**
 * An event about to be appended; `id` (UUIDv7) is its idempotency key. Distributes over a union of
 * domain events, so narrowing on `type` narrows `data`.
 */
export type NewEvent<E extends DomainEvent = DomainEvent> = E extends DomainEvent ? NewEnvelope<E> : never;

interface NewEnvelope<E extends DomainEvent> {
  readonly id: string;
  readonly type: E['type'];
  readonly data: E['data'];
  readonly metadata: EventMetadata;
}

/** An event as the store recorded it; like NewEvent, a discriminated union over `type`. */
export type RecordedEvent<E extends DomainEvent = DomainEvent> = E extends DomainEvent
  ? RecordedEnvelope<E>
  : never;

interface RecordedEnvelope<E extends DomainEvent> {
  readonly id: string;
  readonly type: E['type'];
  readonly stream: string;
  /** 0-based revision of the event in its stream. */
  readonly revision: bigint;
  /** Opaque global position: only the store that made it may interpret it. */
  readonly position: string;
  readonly data: E['data'];
  readonly metadata: EventMetadata;
}

/** `permit-123` belongs to category `permit`. */
export function categoryOf(stream: string): string {
  const dash = stream.indexOf('-');
  return dash === -1 ? stream : stream.slice(0, dash);
}
