import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiHeader,
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
import { FeedStreams } from './feed-streams.js';
import { StreamFeedQuery } from './stream-feed.query.js';
import { StreamFeedRequestDto } from './stream-feed.request.dto.js';

@ApiTags('feed')
@Controller('feed')
export class StreamFeedHttpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly rateLimit: FeedRateLimit,
    private readonly streams: FeedStreams,
  ) {}

  @Get('stream')
  @Roles(FEED_ROLES, { permission: FEED_PERMISSION })
  @ApiOperation({
    summary: 'The integrator feed live, as Server-Sent Events',
    description:
      'The events of `GET /feed` for the same caller and filters, then each new one as it is recorded. ' +
      'Each is a `message` whose `id:` is its cursor and whose `data:` is the structured CloudEvent on ' +
      'one line. Resume with `Last-Event-ID` (or `?after=`): no gap, no duplicate, across restarts. A ' +
      '`: heartbeat` comment comes every 15 s. A reader that leaves sent events unread too long is sent ' +
      '`event: disconnect` with `{ reason, lastEventId }` and the stream ends; so is one whose key is revoked, ' +
      'account disabled, organisation deactivated or feed grant gone (`revoked`, checked before each read), ' +
      'one signed in with an identity provider’s token after 15 minutes (`expired`), and every one on ' +
      'shutdown. At most DAFTAR_FEED_STREAMS_PER_KEY streams per key or user are open at once.',
  })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'the last cursor received' })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description: 'a stream of Server-Sent Events that lasts until either side ends it',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  @ApiBadRequestResponse({
    description: 'REQUEST.INVALID, FEED.INVALID_CURSOR, FEED.UNKNOWN_TYPE, FEED.UNKNOWN_CATEGORY',
  })
  @ApiTooManyRequestsResponse({
    description:
      'RATE_LIMITED, or FEED.TOO_MANY_STREAMS when the caller has its streams open; with Retry-After',
  })
  async streamFeed(
    @Query() request: StreamFeedRequestDto,
    @Headers('last-event-id') lastEventId: string | undefined,
    @CurrentCaller() caller: Caller,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    this.rateLimit.take(caller.signedIn.id);
    const slot = this.streams.reserve(caller.signedIn.id);
    // A browser's EventSource reconnects with the header: it is newer than the URL it first opened.
    const after = lastEventId || request.after;
    try {
      const feed = await this.queries.execute(new StreamFeedQuery(caller, request, after));
      reply.hijack();
      this.streams.follow(reply.raw, reply.getHeaders(), feed, after, slot);
    } catch (error) {
      slot.release();
      throw error;
    }
  }
}
