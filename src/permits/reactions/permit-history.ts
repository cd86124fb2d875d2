import { Inject, Injectable } from '@nestjs/common';
import { fold } from '../../event-store/command-handling/decider.js';
import type { RecordedEvent } from '../../event-store/event-envelope.js';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.port.js';
import { streamUpTo } from '../../event-store/stream-up-to.js';
import { permitDecider } from '../permit.decider.js';
import type { PermitEvent } from '../permit.events.js';
import type { PermitState } from '../permit.state.js';

/** A file as it stood right after one of its events: what a reaction to that event acts on. */
@Injectable()
export class PermitHistory {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async stateAfter(event: RecordedEvent): Promise<PermitState> {
    return fold(permitDecider, (await streamUpTo(this.store, event)) as RecordedEvent<PermitEvent>[]);
  }
}
