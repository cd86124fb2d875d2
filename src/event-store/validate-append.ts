import { isId } from '../shared/ids.js';
import type { NewEvent } from './event-envelope.js';
import { InvalidAppend } from './event-store.errors.js';
import type { ExpectedRevision } from './event-store.port.js';

// The id may end in a document code's check symbol (Crockford: * ~ $ = U).
const STREAM_NAME = /^[a-z][a-z0-9]*(-[A-Za-z0-9_.:~$*=-]+)?$/;
const EVENT_TYPE = /^[A-Z][A-Za-z0-9]*$/;

/**
 * The largest event either store takes: its data and metadata as JSON, in UTF-8 bytes. Below KurrentDB's
 * per-event and per-append limits as the compose file sets them (8 MiB), so both stores refuse the same
 * events; a large file belongs in an attachment, not in an event.
 */
export const MAX_EVENT_BYTES = 4 * 1024 * 1024;

/** Both stores refuse the same malformed appends, before touching storage. */
export function validateAppend(
  stream: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): void {
  if (!STREAM_NAME.test(stream))
    throw new InvalidAppend(`Stream name ${JSON.stringify(stream)} is not <category>-<id>`);
  if (
    typeof expected === 'bigint' ? expected < 0n : !['no_stream', 'stream_exists', 'any'].includes(expected)
  ) {
    throw new InvalidAppend(`Expected revision ${String(expected)} is not valid`);
  }
  if (events.length === 0) throw new InvalidAppend('An append needs at least one event');
  const ids = new Set<string>();
  for (const event of events) {
    if (!isId(event.id))
      throw new InvalidAppend(`Event id ${JSON.stringify(event.id)} is not a lower-case UUID`);
    if (ids.has(event.id)) throw new InvalidAppend(`Event id ${event.id} appears twice in one append`);
    ids.add(event.id);
    if (!EVENT_TYPE.test(event.type))
      throw new InvalidAppend(`Event type ${JSON.stringify(event.type)} is not PascalCase`);
    if (typeof event.data !== 'object' || event.data === null || Array.isArray(event.data)) {
      throw new InvalidAppend(`Event ${event.type} needs an object as data`);
    }
    const m = event.metadata;
    if (!m?.actor?.id || !m.actor.role) throw new InvalidAppend(`Event ${event.type} has no actor`);
    if (!m.correlationId || !m.causationId)
      throw new InvalidAppend(`Event ${event.type} has no correlation or causation id`);
    if (!m.recordedAt || Number.isNaN(Date.parse(m.recordedAt)))
      throw new InvalidAppend(`Event ${event.type} has no recordedAt`);
    if (!Number.isInteger(m.schemaVersion))
      throw new InvalidAppend(`Event ${event.type} has no schemaVersion`);
  }
}

/** Refuses an event whose serialised data and metadata exceed MAX_EVENT_BYTES. */
export function assertEventSize(type: string, dataJson: string, metadataJson: string): void {
  // A UTF-16 unit is at most three UTF-8 bytes: the exact count is needed only near the limit.
  if (dataJson.length + metadataJson.length <= MAX_EVENT_BYTES / 3) return;
  const bytes = Buffer.byteLength(dataJson) + Buffer.byteLength(metadataJson);
  if (bytes > MAX_EVENT_BYTES) {
    throw new InvalidAppend(`Event ${type} is ${bytes} bytes; the store takes at most ${MAX_EVENT_BYTES}`, {
      tooLarge: true,
    });
  }
}
