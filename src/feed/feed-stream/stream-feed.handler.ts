import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Authenticator } from '../../identity/auth/authenticator.js';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import { currentFeedAudience, feedAudience } from '../caller-audience.js';
import { FeedHead } from '../feed-head.js';
import { FeedReader } from '../feed-reader.js';
import { feedFilters } from '../get-feed/get-feed.request.dto.js';
import { FeedTail, type AudienceNow } from './feed-tail.js';
import { StreamFeedQuery, type FollowedFeed } from './stream-feed.query.js';

/** Events a stream reads at a time: small enough that a slow reader holds little in memory. */
export const STREAM_PAGE = 100;
/**
 * How long a stream of a caller signed in with an identity provider's token lasts: Daftar cannot look
 * such a caller up again, nor does it keep the token's expiry, so the reader reconnects with a fresh token.
 */
export const OIDC_STREAM_MS = 15 * 60_000;

@QueryHandler(StreamFeedQuery)
export class StreamFeedHandler implements IQueryHandler<StreamFeedQuery> {
  constructor(
    private readonly reader: FeedReader,
    private readonly head: FeedHead,
    private readonly authenticator: Authenticator,
  ) {}

  /** Reads once before answering, so a bad cursor or filter is a 4xx and not a broken stream. */
  async execute({ caller, request, after }: StreamFeedQuery): Promise<FollowedFeed> {
    const { audience, endsAt } = this.audienceOf(caller);
    const tail = new FeedTail(this.reader, this.head, audience, after, {
      limit: STREAM_PAGE,
      ...feedFilters(request),
    });
    return { first: (await tail.read()) ?? [], tail, ...(endsAt ? { endsAt } : {}) };
  }

  /** Keys and Daftar's own users are looked up before each read; an identity provider's, never. */
  private audienceOf(caller: Caller): { audience: AudienceNow; endsAt?: number } {
    const opened = feedAudience(caller);
    const who = caller.signedIn;
    if (who.authenticatedBy === 'oidc')
      return { audience: () => opened, endsAt: Date.now() + OIDC_STREAM_MS };
    return { audience: () => currentFeedAudience(this.authenticator, who) };
  }
}
