import type { DaftarEventType } from '../../../projections/daftar-events.js';
import { DomainError } from '../../shared/domain-error.js';
import { UPCASTERS, type UpcasterTable } from './upcasters.js';

/** An event as the feed publishes it: its type, its current version and its data in that version. */
export interface Upcast {
  readonly type: string;
  readonly version: number;
  readonly data: unknown;
}

/** What `upcast` reads of a recorded event. */
export interface VersionedEvent {
  readonly type: string;
  readonly data: unknown;
  readonly metadata: { readonly schemaVersion: number };
  /** Named in the refusal of a version this Daftar does not know. */
  readonly position?: string;
}

/** The version the feed publishes an event type in (1 for a type that never changed shape). */
export function currentVersion(type: string, table: UpcasterTable = UPCASTERS): number {
  return 1 + stepsOf(type, table).length;
}

/**
 * The event in its type's current version, so that consumers never see two shapes of one type: the
 * steps from the version it was written in onwards, applied in order. Refuses a version it does not
 * know (written by a newer Daftar, or corrupt) rather than publish a shape no schema describes.
 */
export function upcast(event: VersionedEvent, table: UpcasterTable = UPCASTERS): Upcast {
  const steps = stepsOf(event.type, table);
  const written = event.metadata.schemaVersion;
  if (!Number.isInteger(written) || written < 1 || written > steps.length + 1)
    throw unknownVersion(event, steps.length + 1);
  const data = steps.slice(written - 1).reduce((value, step) => step(value), event.data);
  return { type: event.type, version: steps.length + 1, data };
}

/** A 503, not a 500: the feed cannot go past this event until a Daftar that knows its version runs. */
function unknownVersion(event: VersionedEvent, current: number): DomainError {
  const at = event.position === undefined ? '' : ` at position ${event.position}`;
  return new DomainError(
    'FEED.UNKNOWN_EVENT_VERSION',
    `${event.type}${at} is in version ${event.metadata.schemaVersion}, which this Daftar does not know (its current version is ${current}); a newer Daftar wrote it`,
    'unavailable',
    {
      type: event.type,
      version: event.metadata.schemaVersion,
      ...(event.position === undefined ? {} : { position: event.position }),
    },
  );
}

function stepsOf(type: string, table: UpcasterTable) {
  return table[type as DaftarEventType] ?? [];
}
