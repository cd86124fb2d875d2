import { categoryOf, type RecordedEvent } from '../../src/event-store/event-envelope.js';
import type { DaftarEvent, DaftarEventType } from '../daftar-events.js';
import { AUDIT_FACTS, type AuditFacts, type AuditPlace } from './audit-facts.js';

/** What the audit log remembers of a stream from its earlier events: where it is and whom it is about. */
export interface StreamContext {
  readonly municipality?: string;
  readonly region?: string;
  readonly subjects: readonly string[];
}

/** One row of the audit log (دفتر نظارت): an event as oversight searches it. */
export interface AuditEntry {
  readonly eventId: string;
  readonly type: DaftarEventType;
  readonly category: string;
  readonly stream: string;
  readonly revision: number;
  readonly recordedAt: string;
  readonly actorId: string;
  readonly actorRole: string;
  /** The organisation the actor acted for. */
  readonly office?: string;
  readonly onBehalfOf?: string;
  readonly consent?: string;
  readonly municipality?: string;
  readonly region?: string;
  /** Typed keys (`permit:<id>`, `national:<id>` …), the stream's own first: the first is the main one. */
  readonly subjects: readonly string[];
  /** Other places the entry is found in too (an audit query over several cities). */
  readonly alsoIn?: readonly AuditPlace[];
}

export const EMPTY_CONTEXT: StreamContext = { subjects: [] };

/**
 * The event's audit entry and its stream's context after it: the place comes from the event, else the
 * stream's earlier events, else the actor's grant; a permit's later events name neither.
 */
export function auditEntry(
  event: RecordedEvent<DaftarEvent>,
  context: StreamContext,
): { entry: AuditEntry; context: StreamContext } {
  // A type this version does not know (written by a newer one, or by hand) is still an act on record:
  // logged with what every event carries, its actor and stream, rather than stopping the audit log.
  const describe = Object.hasOwn(AUDIT_FACTS, event.type)
    ? (AUDIT_FACTS[event.type] as (data: unknown) => AuditFacts)
    : undefined;
  const facts: AuditFacts = describe?.(event.data) ?? {};
  const { actor, recordedAt } = event.metadata;
  const about = unique([...context.subjects, ...(facts.about ?? [])]);
  const held = facts.ownPlace ? EMPTY_CONTEXT : context;
  const municipality = facts.municipality ?? held.municipality;
  const region = facts.region ?? (facts.municipality === undefined ? held.region : undefined);
  const place = municipality ?? actor.municipality;
  const entry: AuditEntry = {
    eventId: event.id,
    type: event.type,
    category: categoryOf(event.stream),
    stream: event.stream,
    revision: Number(event.revision),
    recordedAt,
    actorId: actor.id,
    actorRole: actor.role,
    ...(actor.office ? { office: actor.office } : {}),
    ...(actor.onBehalfOf ? { onBehalfOf: actor.onBehalfOf } : {}),
    ...(actor.consent ? { consent: actor.consent } : {}),
    ...(place ? { municipality: place } : {}),
    ...(place && region ? { region } : {}),
    subjects: unique([...about, ...(facts.mentions ?? [])]),
    ...(place && facts.alsoIn?.length ? { alsoIn: facts.alsoIn } : {}),
  };
  const next: StreamContext = {
    ...(municipality && !facts.ownPlace ? { municipality } : {}),
    ...(municipality && region && !facts.ownPlace ? { region } : {}),
    subjects: about,
  };
  return { entry, context: next };
}

function unique(keys: readonly string[]): string[] {
  return [...new Set(keys)];
}
