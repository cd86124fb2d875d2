import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { feedAudience } from '../caller-audience.js';
import { FeedHead } from '../feed-head.js';
import { FeedReader } from '../feed-reader.js';
import { feedFilters } from '../get-feed/get-feed.request.dto.js';
import { FeedTail } from './feed-tail.js';
import { StreamFeedQuery, type FollowedFeed } from './stream-feed.query.js';

/** Events a stream reads at a time: small enough that a slow reader holds little in memory. */
export const STREAM_PAGE = 100;

@QueryHandler(StreamFeedQuery)
export class StreamFeedHandler implements IQueryHandler<StreamFeedQuery> {
  constructor(
    private readonly reader: FeedReader,
    private readonly head: FeedHead,
  ) {}

  /** Reads once before answering, so a bad cursor or filter is a 4xx and not a broken stream. */
  async execute({ caller, request, after }: StreamFeedQuery): Promise<FollowedFeed> {
    const tail = new FeedTail(this.reader, this.head, feedAudience(caller), after, {
      limit: STREAM_PAGE,
      ...feedFilters(request),
    });
    return { first: await tail.read(), tail };
  }
}
