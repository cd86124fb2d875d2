import { Inject, Injectable } from '@nestjs/common';
import type { RecordedEvent } from '../../event-store/event-envelope.js';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.port.js';
import { initialPermitState, evolvePermit, type PermitState } from '../permit.state.js';
import { permitStream, type PermitEvent } from '../permit.events.js';

/** A file as it stood right after one of its events: what a reaction to that event acts on. */
@Injectable()
export class PermitHistory {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async stateAfter(event: RecordedEvent): Promise<PermitState> {
    const permitId = (event.data as { permitId: string }).permitId;
    const events = await this.store.readStream(permitStream(permitId), {
      maxCount: Number(event.revision) + 1,
    });
    return events.map((e) => e as unknown as PermitEvent).reduce(evolvePermit, initialPermitState());
  }
}
