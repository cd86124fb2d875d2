import type { AllStreamResolvedEvent, Position, ResolvedEvent } from '@eventstore/db-client';
import { categoryOf, type EventMetadata, type RecordedEvent } from '../event-envelope.js';
import { InvalidPosition } from '../event-store.errors.js';
import type { ReadAllOptions } from '../event-store.port.js';

/** The client's recorded event: a JSON or binary event from a stream or from $all. */
export type EsdbEvent = NonNullable<ResolvedEvent['event']> | NonNullable<AllStreamResolvedEvent['event']>;

const MAX_U64 = 2n ** 64n - 1n;
const POSITION = /^(0|[1-9][0-9]{0,19}):(0|[1-9][0-9]{0,19})$/;

/** `commit:prepare`, both decimal: one string per position, so equal positions are equal strings. */
export function encodePosition(position: Position): string {
  return `${position.commit}:${position.prepare}`;
}

export function decodePosition(position: string): Position {
  const match = POSITION.exec(position);
  if (!match) throw new InvalidPosition(position);
  const commit = BigInt(match[1]!);
  const prepare = BigInt(match[2]!);
  if (commit > MAX_U64 || prepare > MAX_U64) throw new InvalidPosition(position);
  return { commit, prepare };
}

export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/** The server's own events: system streams (`$…`) and system event types (`$…`, e.g. links `$>`). */
export function isSystemEvent(event: EsdbEvent): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

export function isUserEvent(event: EsdbEvent): boolean {
  return !isSystemEvent(event);
}

export function eventFilter(options: ReadAllOptions): (event: EsdbEvent) => boolean {
  const categories = options.categories?.length ? new Set(options.categories) : undefined;
  const types = options.types?.length ? new Set(options.types) : undefined;
  return (event) =>
    !isSystemEvent(event) &&
    (!categories || categories.has(categoryOf(event.streamId))) &&
    (!types || types.has(event.type));
}

export function toRecorded(event: EsdbEvent): RecordedEvent {
  if (!event.position) {
    throw new Error(
      `EventStoreDB sent ${event.streamId}@${event.revision} without a position (server 22.6 or later needed)`,
    );
  }
  return {
    id: event.id,
    type: event.type,
    stream: event.streamId,
    revision: event.revision,
    position: encodePosition(event.position),
    // JSON events arrive parsed by the client.
    data: event.data as unknown,
    metadata: event.metadata as unknown as EventMetadata,
  };
}
