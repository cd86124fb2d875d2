import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { loggedUrl } from '../logging/logged-url.js';
import { PROBLEM_CONTENT_TYPE, toErrorResponse } from './error-response.js';

/** The one place where errors become HTTP responses. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const { status, body } = toErrorResponse(error);
    if (status >= 500) {
      this.logger.error(
        `${request.method} ${loggedUrl(request.url)} failed: ${error instanceof Error ? error.message : String(error)}`,
        error instanceof Error ? error.stack : undefined,
      );
    }
    const retryAfter = body.details?.['retryAfterSeconds'];
    if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
    // The path names this occurrence; X-Request-Id (on every response) finds it in the logs.
    const instance = request.url.split('?', 1)[0];
    void reply
      .status(status)
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .send({ ...body, instance });
  }
}
