import { Query } from '@nestjs/cqrs';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import type { CloudEventJson } from '../cloud-event.js';
import type { FeedTail } from './feed-tail.js';
import type { StreamFeedRequestDto } from './stream-feed.request.dto.js';

/** The feed followed live: what there is after the cursor now, and the tail to follow it with. */
export interface FollowedFeed {
  readonly first: CloudEventJson[];
  readonly tail: FeedTail;
  /** Epoch ms when the stream ends (`expired`): a signed-in token's audience cannot be checked anew. */
  readonly endsAt?: number;
}

/** The caller's feed from `after` on (Last-Event-ID or `?after=`), as GET /feed would page it. */
export class StreamFeedQuery extends Query<FollowedFeed> {
  constructor(
    readonly caller: Caller,
    readonly request: StreamFeedRequestDto,
    readonly after: string | undefined,
  ) {
    super();
  }
}
