import type { RecordedEvent } from '../event-store/event-envelope.js';

/** A CloudEvents 1.0 event in the structured JSON format, as the feed, its stream and webhooks send it. */
export interface CloudEventJson {
  readonly specversion: '1.0';
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly time: string;
  readonly subject: string;
  readonly datacontenttype: 'application/json';
  readonly dataschema: string;
  readonly data: unknown;
  /** The feed cursor just after this event: where a consumer resumes. */
  readonly daftarposition: string;
  /** The event's leaf in the ledger's Merkle tree, once the ledger has it: proves it at /ledger/proof. */
  readonly daftarleafindex?: number;
  /** The role the actor acted in (`clerk`, `system` …); never who. */
  readonly daftaractorrole: string;
}

/** Where the event comes from in CloudEvents terms; `municipality` is absent for events of no city. */
export interface CloudEventFacts {
  readonly category: string;
  /** The version the data is in: the type's current one, after upcasting. */
  readonly version: number;
  /** Daftar's public URL, without a trailing slash. */
  readonly publicUrl: string;
  readonly municipality?: string;
  readonly cursor: string;
  readonly leafIndex?: number;
}

/** Stands for the municipality in the `source` of an event that belongs to none (an organisation's). */
export const NO_MUNICIPALITY = '-';

export const cloudEventType = (category: string, type: string, version: number) =>
  `ir.daftar.${category}.${type}.v${version}`;
/** CloudEvents wants an absolute URI: the schema at Daftar's public URL. */
export const dataSchemaUrl = (publicUrl: string, type: string) => `${publicUrl}/feed/schemas/${type}`;

/** The event, its data already upcast and through the policy, as a structured CloudEvent. */
export function toCloudEvent(event: RecordedEvent, data: unknown, facts: CloudEventFacts): CloudEventJson {
  return {
    specversion: '1.0',
    id: event.id,
    source: `/daftar/${facts.municipality ?? NO_MUNICIPALITY}/${facts.category}`,
    type: cloudEventType(facts.category, event.type, facts.version),
    time: event.metadata.recordedAt,
    subject: event.stream,
    datacontenttype: 'application/json',
    dataschema: dataSchemaUrl(facts.publicUrl, event.type),
    data,
    daftarposition: facts.cursor,
    ...(facts.leafIndex !== undefined ? { daftarleafindex: facts.leafIndex } : {}),
    daftaractorrole: event.metadata.actor.role,
  };
}
