import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { APP_CONFIG } from '../../config/app-config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { DomainError } from '../../shared/domain-error.js';
import type { CloudEventJson } from '../cloud-event.js';
import { encodeCursor } from '../feed-cursor.js';
import { SseResponse, sseEvent } from './sse-response.js';
import type { FollowedFeed } from './stream-feed.query.js';

/**
 * Why a stream ended from this side: the reader fell behind, the server stops, reading failed, the
 * reader may read no more (key revoked, account disabled, organisation deactivated, grant gone), or its
 * identity provider's token may no longer be trusted without a fresh one.
 */
type Ending = 'stalled' | 'shutdown' | 'error' | 'revoked' | 'expired';

/** What a refused stream is told to wait before trying again: streams last, so a while. */
const RETRY_AFTER_SECONDS = 30;

/** A principal's place among the open streams, taken before the stream opens; released once. */
export interface StreamSlot {
  release(): void;
}

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
  /** Open (or opening) streams per principal id. */
  private readonly perPrincipal = new Map<string, number>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** How many streams are open now. */
  get size(): number {
    return this.open.size;
  }

  /** Takes one of the principal's streams; FEED.TOO_MANY_STREAMS (429) when all are open. */
  reserve(principalId: string): StreamSlot {
    const taken = this.perPrincipal.get(principalId) ?? 0;
    if (taken >= this.config.feedStreamsPerKey) {
      throw new DomainError(
        'FEED.TOO_MANY_STREAMS',
        `At most ${this.config.feedStreamsPerKey} live streams may be open at once for one API key or user; close one first`,
        'rate_limited',
        { retryAfterSeconds: RETRY_AFTER_SECONDS, limit: this.config.feedStreamsPerKey },
      );
    }
    this.perPrincipal.set(principalId, taken + 1);
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        const left = (this.perPrincipal.get(principalId) ?? 1) - 1;
        if (left > 0) this.perPrincipal.set(principalId, left);
        else this.perPrincipal.delete(principalId);
      },
    };
  }

  follow(
    raw: ServerResponse,
    headers: Record<string, string | string[] | number | undefined>,
    feed: FollowedFeed,
    after: string | undefined,
    slot: StreamSlot,
  ): void {
    const stream: OpenStream = {
      sse: new SseResponse(raw, headers, {
        heartbeatMs: this.config.feedStreamHeartbeatMs,
        stallMs: this.config.feedStreamStallMs,
      }),
      lastEventId: after ?? encodeCursor(undefined),
    };
    const expiry =
      feed.endsAt === undefined
        ? undefined
        : setTimeout(() => disconnect(stream, 'expired'), feed.endsAt - Date.now());
    const pumping = this.pump(stream, feed)
      .catch((error: unknown) => {
        this.logger.error(`A live feed stream failed: ${String(error)}`);
        disconnect(stream, 'error');
      })
      .finally(() => {
        clearTimeout(expiry);
        slot.release();
        this.open.delete(stream);
      });
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
    if (tail.revoked) disconnect(stream, 'revoked');
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
