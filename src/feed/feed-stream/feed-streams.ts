import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { APP_CONFIG } from '../../config/app-config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import type { CloudEventJson } from '../cloud-event.js';
import { encodeCursor } from '../feed-cursor.js';
import { SseResponse, sseEvent } from './sse-response.js';
import type { FollowedFeed } from './stream-feed.query.js';

/** Why a stream ended from this side: the reader fell behind, the server stops, or reading failed. */
type Ending = 'stalled' | 'shutdown' | 'error';

interface OpenStream {
  readonly sse: SseResponse;
  /** The id of the last event written, or the cursor the stream began at: where to resume. */
  lastEventId: string;
}

/**
 * The open live streams of the feed: each follows its tail onto its socket until the client leaves,
 * stalls, or the server stops; the last two are told where to resume in a final `disconnect` event.
 */
@Injectable()
export class FeedStreams implements OnModuleDestroy {
  private readonly logger = new Logger('FeedStreams');
  private readonly open = new Map<OpenStream, Promise<void>>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** How many streams are open now. */
  get size(): number {
    return this.open.size;
  }

  follow(
    raw: ServerResponse,
    headers: Record<string, string | string[] | number | undefined>,
    feed: FollowedFeed,
    after: string | undefined,
  ): void {
    const stream: OpenStream = {
      sse: new SseResponse(raw, headers, {
        heartbeatMs: this.config.feedStreamHeartbeatMs,
        stallMs: this.config.feedStreamStallMs,
      }),
      lastEventId: after ?? encodeCursor(undefined),
    };
    const pumping = this.pump(stream, feed)
      .catch((error: unknown) => {
        this.logger.error(`A live feed stream failed: ${String(error)}`);
        disconnect(stream, 'error');
      })
      .finally(() => this.open.delete(stream));
    this.open.set(stream, pumping);
  }

  async onModuleDestroy(): Promise<void> {
    for (const stream of this.open.keys()) disconnect(stream, 'shutdown');
    await Promise.all(this.open.values());
  }

  private async pump(stream: OpenStream, { first, tail }: FollowedFeed): Promise<void> {
    const { sse } = stream;
    for (let events: CloudEventJson[] | undefined = first; events; events = await tail.next(sse.over)) {
      if (events.length === 0) continue;
      const sent = await sse.send(events.map(asSse).join(''));
      // Written, if not yet read: a reader that reads on gets them before the disconnect.
      stream.lastEventId = events.at(-1)!.daftarposition;
      if (!sent) return disconnect(stream, 'stalled');
    }
  }
}

/** Events go as the default `message` event: an EventSource's onmessage hears every type. */
function asSse(event: CloudEventJson): string {
  return sseEvent({ id: event.daftarposition, data: JSON.stringify(event) });
}

function disconnect(stream: OpenStream, reason: Ending): void {
  const { lastEventId } = stream;
  stream.sse.end(
    sseEvent({ id: lastEventId, event: 'disconnect', data: JSON.stringify({ reason, lastEventId }) }),
  );
}
