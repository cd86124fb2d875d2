import { categoryOf, type RecordedEvent } from '../../src/event-store/event-envelope.js';
import type { DaftarEvent, DaftarEventType } from '../daftar-events.js';
import { AUDIT_FACTS, type AuditFacts } from './audit-facts.js';

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
  const facts = (AUDIT_FACTS[event.type] as (data: unknown) => AuditFacts)(event.data);
  const { actor, recordedAt } = event.metadata;
  const about = unique([...context.subjects, ...(facts.about ?? [])]);
  const municipality = facts.municipality ?? context.municipality;
  const region = facts.region ?? (facts.municipality === undefined ? context.region : undefined);
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
  };
  const next: StreamContext = {
    ...(municipality ? { municipality } : {}),
    ...(municipality && region ? { region } : {}),
    subjects: about,
  };
  return { entry, context: next };
}

function unique(keys: readonly string[]): string[] {
  return [...new Set(keys)];
}
