import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG } from '../../config/app-config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { Public } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { addressKey } from '../../shared/http/client-address.js';
import { RateLimiter } from '../../shared/http/rate-limiter.js';
import { TrackRequestQueryDto } from './track-request.request.dto.js';
import { TrackRequestQuery } from './track-request.query.js';
import { TrackResponseDto } from './track.response.dto.js';

/** Whoever holds the paper receipt asks here by its tracking number (کد رهگیری). */
@ApiTags('tracking')
@Controller('track')
export class TrackRequestHttpController {
  private readonly limiter: RateLimiter;

  constructor(
    private readonly queries: QueryBus,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.limiter = new RateLimiter(config.trackRateLimitPerMinute, 60_000);
  }

  @Get(':trackingNumber')
  @Public()
  @ApiOperation({
    summary: 'A permit file’s or an inquiry’s status by its tracking number (کد رهگیری)',
    description:
      'The signed-in owner (the applicant, the citizen requester, or a member or API key of the requesting ' +
      'organisation) gets the file’s id, status and next step. Anyone else gives the mobile registered to ' +
      'the owner’s account and gets the status only; such a look-up is in the owner’s access log, and so ' +
      'is a counter office’s acting for the owner. Rate-limited per address, but for a signed-in caller ' +
      'who gives no mobile; after 5 wrong mobiles for a number in an hour, every look-up of it by mobile ' +
      'is 404 until the hour has passed.',
  })
  @ApiOkResponse({ type: TrackResponseDto })
  @ApiBadRequestResponse({ description: 'TRACKING.INVALID (form or check digit), IDENTITY.INVALID_MOBILE' })
  @ApiNotFoundResponse({
    description:
      'TRACKING.NOT_FOUND: unknown, not the caller’s, the mobile is not the owner’s, or the number took ' +
      'too many wrong mobiles this hour',
  })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED, with Retry-After' })
  async track(
    @Param('trackingNumber') trackingNumber: string,
    @Query() query: TrackRequestQueryDto,
    @CurrentCaller() caller: Caller,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TrackResponseDto> {
    // Counted before the look-up, found or not: guessing numbers or mobiles costs the same.
    if (!caller.principal || query.mobile !== undefined)
      this.limiter.take(addressKey(request.ip), Date.now());
    void reply.header('cache-control', 'no-store');
    return this.queries.execute(new TrackRequestQuery(caller, trackingNumber, query.mobile));
  }
}
