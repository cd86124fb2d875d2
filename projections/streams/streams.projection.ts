import { categoryOf, type RecordedEvent } from '../../src/event-store/event-envelope.js';
import type { Projection } from '../projection.js';

/** A directory of every stream: what it is, how long, who touched it last. Oversight browses it. */
export interface StreamSummary {
  readonly stream: string;
  readonly category: string;
  readonly eventCount: number;
  readonly lastRevision: string;
  readonly lastPosition: string;
  readonly lastEventType: string;
  readonly firstRecordedAt: string;
  readonly lastRecordedAt: string;
  readonly lastActorId: string;
  readonly lastActorRole: string;
}

export const streamsProjection: Projection<StreamSummary> = {
  name: 'streams',
  version: 1,
  handles: 'all',
  indexes: ['category', 'lastRecordedAt'],
  documentId: (event) => event.stream,
  evolve: (doc, event: RecordedEvent) => ({
    stream: event.stream,
    category: categoryOf(event.stream),
    eventCount: (doc?.eventCount ?? 0) + 1,
    lastRevision: event.revision.toString(),
    lastPosition: event.position,
    lastEventType: event.type,
    firstRecordedAt: doc?.firstRecordedAt ?? event.metadata.recordedAt,
    lastRecordedAt: event.metadata.recordedAt,
    lastActorId: event.metadata.actor.id,
    lastActorRole: event.metadata.actor.role,
  }),
};
