import type { RecordedEvent } from './event-envelope.js';
import type { EventStore } from './event-store.port.js';

/** An event's stream up to and including it: the history a reaction to that event decides on. */
export function streamUpTo(store: EventStore, event: RecordedEvent): Promise<RecordedEvent[]> {
  return store.readStream(event.stream, { maxCount: Number(event.revision) + 1 });
}
