import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import { loggedUrl } from './logged-url.js';

/**
 * One line per request, written when it completes, instead of Fastify's two. It goes through
 * `request.log` (not `reply.log`), so it carries the request id and what the guards bound (`consent`).
 */
export class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null, request: FastifyRequest, reply: FastifyReply): void {
    const line = {
      method: request.method,
      url: loggedUrl(request.url),
      statusCode: reply.statusCode,
      responseTime: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (error) request.log.error({ ...line, err: error }, 'request errored');
    else request.log.info(line, 'request completed');
  }
}
