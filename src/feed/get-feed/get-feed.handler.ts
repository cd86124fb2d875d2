import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { feedAudience } from '../caller-audience.js';
import { FeedReader, type FeedPage } from '../feed-reader.js';
import { GetFeedQuery } from './get-feed.query.js';
import { feedFilters } from './get-feed.request.dto.js';

@QueryHandler(GetFeedQuery)
export class GetFeedHandler implements IQueryHandler<GetFeedQuery> {
  constructor(private readonly reader: FeedReader) {}

  execute({ caller, request }: GetFeedQuery): Promise<FeedPage> {
    const { after, limit } = request;
    return this.reader.read(feedAudience(caller), after, { limit, ...feedFilters(request) });
  }
}
