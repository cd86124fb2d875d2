import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { FEED_PERMISSION, FEED_ROLES } from '../feed-audience.js';
import { FeedRateLimit } from '../feed-rate-limit.js';
import { CloudEventResponseDto } from './cloud-event.response.dto.js';
import { GetFeedQuery } from './get-feed.query.js';
import { GetFeedRequestDto } from './get-feed.request.dto.js';

export const CLOUDEVENTS_BATCH = 'application/cloudevents-batch+json';

@ApiTags('feed')
@Controller('feed')
export class GetFeedHttpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly rateLimit: FeedRateLimit,
  ) {}

  @Get()
  @Roles(FEED_ROLES, { permission: FEED_PERMISSION })
  @ApiOperation({
    summary: 'The integrator feed: published events as a CloudEvents 1.0 batch, oldest first',
    description:
      'Within the caller’s feed scope, through the data policy (no secrets; personal data masked without ' +
      'the `pii` scope of the category). The next page is at `Link: rel="next"` and `X-Next-Cursor`; a ' +
      'page may be empty and still have a next one. Integrators, and API keys with `feed:read` (a notary ' +
      'office’s, bank’s or utility’s: only its own inquiries). Rate-limited per key or user.',
  })
  @ApiProduces(CLOUDEVENTS_BATCH)
  @ApiOkResponse({ type: [CloudEventResponseDto] })
  @ApiBadRequestResponse({
    description: 'REQUEST.INVALID, FEED.INVALID_CURSOR, FEED.UNKNOWN_TYPE, FEED.UNKNOWN_CATEGORY',
  })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED, with Retry-After' })
  async getFeed(
    @Query() request: GetFeedRequestDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    this.rateLimit.take(caller.signedIn.id);
    const { events, next } = await this.queries.execute(new GetFeedQuery(caller, request));
    void reply
      .type(CLOUDEVENTS_BATCH)
      .header('x-next-cursor', next)
      .header('link', `<${nextPage(request, next)}>; rel="next"`);
    // Encoded once here: Fastify would measure a page of a thousand events again for Content-Length.
    return Buffer.from(JSON.stringify(events));
  }
}

/** The same query after the next cursor. */
function nextPage(request: GetFeedRequestDto, next: string): string {
  const query = new URLSearchParams({ after: next, limit: String(request.limit) });
  if (request.types) query.set('types', request.types.join(','));
  if (request.categories) query.set('categories', request.categories.join(','));
  if (request.municipality) query.set('municipality', request.municipality);
  return `/feed?${query.toString()}`;
}
