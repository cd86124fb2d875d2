import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { keptHeaders, type PublicAnswers } from './public-answers.js';

/**
 * Gives kept public answers before routing reaches the framework's pipeline, and keeps the answers
 * routes offer. Both hooks take callbacks, not promises: they run on every request.
 */
export function usePublicAnswers(app: NestFastifyApplication, answers: PublicAnswers): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    const kept = answers.arrive(request, Date.now());
    if (kept === undefined) {
      done();
      return;
    }
    void reply.code(kept.statusCode).headers(kept.headers).send(kept.body);
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (typeof payload === 'string' || Buffer.isBuffer(payload)) {
      const answer = {
        statusCode: reply.statusCode,
        headers: keptHeaders(reply.getHeaders()),
        body: payload,
      };
      answers.leave(request, answer, Date.now());
    }
    done(null, payload);
  });
}
