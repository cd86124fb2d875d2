import { Query } from '@nestjs/cqrs';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import type { FeedPage } from '../feed-reader.js';
import type { GetFeedRequestDto } from './get-feed.request.dto.js';

/** A page of the integrator feed, as the caller's scope and the data policy allow. */
export class GetFeedQuery extends Query<FeedPage> {
  constructor(
    readonly caller: Caller,
    readonly request: GetFeedRequestDto,
  ) {
    super();
  }
}
