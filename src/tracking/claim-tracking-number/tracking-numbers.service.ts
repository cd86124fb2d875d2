import { Inject, Injectable } from '@nestjs/common';
import type { CommandContext } from '../../event-store/command-handling/command-context.js';
import { collectingRevision } from '../../event-store/command-handling/command-revision.js';
import { handleCommand } from '../../event-store/command-handling/handle-command.js';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.port.js';
import { DomainError } from '../../shared/domain-error.js';
import { trackingClaimDecider } from '../tracking-claim.decider.js';
import { trackingNumberFor } from '../tracking-number.js';
import { trackingStream } from '../tracking.events.js';

/** Nine hashed digits leave 900 million numbers: a file meets a taken one a few times at most. */
const MAX_ATTEMPTS = 16;

/** Gives each file its tracking number (کد رهگیری) before the file's first event is written. */
@Injectable()
export class TrackingNumbers {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /**
   * Claims the file's first free number, or finds the one it claimed before (a repeated filing, a
   * retry after a crash): the attempts run in the same order for the same stream every time.
   */
  async claim(stream: string, municipality: string, context: CommandContext): Promise<string> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const trackingNumber = trackingNumberFor(stream, attempt);
      try {
        // In a revision slot of its own: the answer's ETag is the file's revision, not the claim's.
        await collectingRevision(() =>
          handleCommand(
            this.store,
            trackingStream(trackingNumber),
            trackingClaimDecider,
            { type: 'ClaimTrackingNumber', data: { trackingNumber, stream, municipality } },
            context,
          ),
        ).result;
        return trackingNumber;
      } catch (error) {
        if (!(error instanceof DomainError && error.code === 'TRACKING.TAKEN')) throw error;
      }
    }
    throw new DomainError('TRACKING.UNAVAILABLE', `No free tracking number for ${stream}`, 'unavailable');
  }
}
