import { setImmediate as nextTurn } from 'node:timers/promises';
import type { CloudEventJson } from '../cloud-event.js';
import type { FeedAudience } from '../feed-audience.js';
import type { FeedHead } from '../feed-head.js';
import type { FeedReader, FeedReadOptions } from '../feed-reader.js';

/** The reader's audience as it stands now; undefined once it may read nothing (its key revoked…). */
export type AudienceNow = () => FeedAudience | undefined;

/**
 * The feed of one audience followed from a cursor: pages while the log has more, then a wait for the
 * head to move. Each read starts at the last one's `next`, so nothing is skipped or sent twice; each
 * asks who the reader is now, so a revoked key or a narrowed grant holds from the next read on.
 */
export class FeedTail {
  private moved: Promise<void> | undefined;
  private advanced = true;
  private lost = false;

  constructor(
    private readonly reader: FeedReader,
    private readonly head: Pick<FeedHead, 'moved'>,
    private readonly audience: AudienceNow,
    private cursor: string | undefined,
    private readonly options: FeedReadOptions,
  ) {}

  /** True once a read found the reader's audience gone; the tail reads no more. */
  get revoked(): boolean {
    return this.lost;
  }

  /** Where the tail is: the cursor after everything read so far (the given one before any read). */
  get position(): string | undefined {
    return this.cursor;
  }

  /** One read, waiting for nothing, undefined once revoked; throws the feed's 4xx for a bad cursor or filter. */
  async read(): Promise<CloudEventJson[] | undefined> {
    // Taken before the read: an event appended while it runs resolves it.
    this.moved = this.head.moved();
    const audience = this.lost ? undefined : this.audience();
    if (!audience) {
      this.lost = true;
      return undefined;
    }
    const page = await this.reader.read(audience, this.cursor, this.options);
    this.advanced = page.next !== this.cursor;
    this.cursor = page.next;
    return page.events;
  }

  /** The next events, waiting for the head to move once caught up; undefined once `over` aborts or revoked. */
  async next(over: AbortSignal): Promise<CloudEventJson[] | undefined> {
    for (;;) {
      if (this.advanced) await nextTurn();
      else if (!(await untilEither(this.moved!, over))) return undefined;
      if (over.aborted) return undefined;
      const events = await this.read();
      if (events?.length !== 0) return events;
    }
  }
}

/** True when `moved` resolves first, false when `over` aborts first. */
function untilEither(moved: Promise<void>, over: AbortSignal): Promise<boolean> {
  if (over.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => resolve(false);
    over.addEventListener('abort', onAbort, { once: true });
    void moved.then(() => {
      over.removeEventListener('abort', onAbort);
      resolve(true);
    });
  });
}
