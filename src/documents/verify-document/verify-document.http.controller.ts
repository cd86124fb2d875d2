import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG } from '../../config/app-config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { Public } from '../../identity/auth/access.decorators.js';
import { DomainError } from '../../shared/domain-error.js';
import { addressKey } from '../../shared/http/client-address.js';
import { prefersHtml } from '../../shared/http/html.js';
import { PublicAnswers } from '../../shared/http/public-answers.js';
import { RateLimiter } from '../../shared/http/rate-limiter.js';
import { DocumentVerificationResponseDto } from './document-verification.response.dto.js';
import { VerifyDocumentQuery } from './verify-document.query.js';
import { notFoundPage, verificationPage } from './verification-page.js';

/** Anyone holding a paper document checks it here: the QR code opens this URL. */
@ApiTags('verification')
@Controller('v')
export class VerifyDocumentHttpController {
  private readonly limiter: RateLimiter;

  constructor(
    private readonly queries: QueryBus,
    private readonly answers: PublicAnswers,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.limiter = new RateLimiter(config.verifyRateLimitPerMinute, 60_000);
  }

  @Get(':code')
  @Public()
  @ApiOperation({
    summary: 'Verify a document by its code (استعلام اصالت سند)',
    description: 'JSON, or a Persian page when the client prefers text/html. Rate-limited per address.',
  })
  @ApiProduces('application/json', 'text/html')
  @ApiOkResponse({
    type: DocumentVerificationResponseDto,
    description: 'status valid, revoked or superseded, with the signature check',
  })
  @ApiNotFoundResponse({ description: 'DOCUMENT.NOT_FOUND, the same for malformed and unknown codes' })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED, with Retry-After' })
  async verifyDocument(
    @Param('code') code: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DocumentVerificationResponseDto | string> {
    this.limiter.take(addressKey(request.ip), Date.now());
    // The same answer for everyone; a repeat of it still counts against the address's limit.
    this.answers.offer(request, (again) => this.limiter.admit(addressKey(again.ip), Date.now()));
    const html = prefersHtml(request.headers.accept);
    if (html) void reply.type('text/html; charset=utf-8').header('vary', 'Accept');
    try {
      const verification = await this.queries.execute(new VerifyDocumentQuery(code));
      return html ? verificationPage(verification) : verification;
    } catch (error) {
      if (!html || !(error instanceof DomainError) || error.kind !== 'not_found') throw error;
      void reply.status(404);
      return notFoundPage();
    }
  }
}
