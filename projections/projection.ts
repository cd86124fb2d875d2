import type { DomainEvent, RecordedEvent } from '../src/event-store/event-envelope.js';

/**
 * A read model defined as pure functions over events: each event touches at most one document,
 * chosen by `documentId`, and `evolve` gives the document's next state (null removes it).
 * The subscriber runner stores the documents and the checkpoint together, so each event counts once.
 */
export interface Projection<Doc = unknown, E extends DomainEvent = DomainEvent> {
  /** Table-safe name: lower case letters, digits and underscores. */
  readonly name: string;
  /** Bump when evolve or the document shape changes: the read model is then rebuilt from the log. */
  readonly version: number;
  /** The event types this projection reads ('all' for every event); others are never delivered to it. */
  readonly handles: 'all' | readonly E['type'][];
  /**
   * JSON paths of document fields queried or ordered by often, indexed in the read-model database; a
   * list of paths is one index over them all (filter fields first, then the field a list is ordered
   * by). Every index ends with the id, so keyset pages read no row they do not return. New indexes are
   * created at the next start, without a rebuild.
   */
  readonly indexes?: readonly (string | readonly string[])[];
  documentId(event: RecordedEvent<E>): string | null;
  evolve(doc: Doc | null, event: RecordedEvent<E>): Doc | null;
}

/** The runner stores documents as JSON whatever their shape, so it holds projections type-erased. */
export type AnyProjection = Projection<unknown>;

export function anyProjection<Doc, E extends DomainEvent>(projection: Projection<Doc, E>): AnyProjection {
  return projection as unknown as AnyProjection;
}
