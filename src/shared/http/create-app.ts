import { type DynamicModule, type Type } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { isUtf8 } from 'node:buffer';
import type { IncomingMessage } from 'node:http';
import type { RawServerDefault } from 'fastify';
import type { Logger } from 'pino';
import { DomainError } from '../domain-error.js';
import { newId } from '../ids.js';
import { PinoNestLogger } from '../logging/pino-logger.js';
import { OneLinePerRequest } from '../logging/request-log.js';
import { CommandResponseInterceptor } from './command-response.interceptor.js';
import { HttpErrorFilter } from './http-error.filter.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth.js';
import { openApiDocument } from './openapi.js';
import { usePublicAnswers } from './public-answer-hooks.js';
import { PublicAnswers } from './public-answers.js';
import { createValidationPipe } from './validation.pipe.js';

/** JSON bodies above this are refused with 413; file uploads have their own limit. */
export const BODY_LIMIT_BYTES = 1024 * 1024;
/** The largest attachment (a scanned file or a drawing); a route may ask `readSingleUpload` for less. */
export const UPLOAD_LIMIT_BYTES = 20 * 1024 * 1024;
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
// Unique without drawing random bytes per request: a random id per process, then a counter.
const PROCESS_ID = newId();
let requestCounter = 0;
const nextRequestId = () => `${PROCESS_ID}.${(requestCounter += 1).toString(36)}`;

/** Builds the HTTP application the same way for the server, the e2e tests and the benchmarks. */
export async function createApp(
  module: Type | DynamicModule,
  logger: Logger,
  options: { readonly trustedProxies?: readonly string[] } = {},
): Promise<NestFastifyApplication> {
  const trustedProxies = options.trustedProxies ?? [];
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    logController: new OneLinePerRequest(),
    // request.ip is the peer's address unless the peer is a trusted proxy: only then X-Forwarded-For.
    trustProxy: trustedProxies.length > 0 ? [...trustedProxies] : false,
    bodyLimit: BODY_LIMIT_BYTES,
    requestIdHeader: 'x-request-id',
    // The adapter registers @fastify/multipart with these options; uploads are one file per request.
    multipart: {
      limits: { fileSize: UPLOAD_LIMIT_BYTES, files: 1, fields: 10 },
      // toBuffer() fails on a file over the limit instead of answering it cut short.
      throwFileSizeLimit: true,
    },
    genReqId: (request: IncomingMessage) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : nextRequestId();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
    // Keeps `request.rawBody`: the payment gateway's callback is verified over its exact bytes.
    rawBody: true,
  });
  useStrictJsonParser(app);
  app.useGlobalFilters(new HttpErrorFilter());
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalInterceptors(new CommandResponseInterceptor(app.get(Reflector)));
  app.enableShutdownHooks();
  usePublicAnswers(app, app.get(PublicAnswers));
  // A callback hook, not an async one: it runs on every response, and a promise per reply costs.
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', (request, reply, payload, done) => {
      void reply.header('x-request-id', request.id);
      done(null, payload);
    });
  SwaggerModule.setup('docs', app, () => openApiDocument(app), {
    jsonDocumentUrl: 'openapi.json',
    yamlDocumentUrl: 'openapi.yaml',
  });
  return app;
}

/** Fastify's JSON parser (with its prototype-poisoning guard), answering bad JSON with our own code. */
function useStrictJsonParser(app: NestFastifyApplication): void {
  const parseJson = app.getHttpAdapter().getInstance().getDefaultJsonParser('error', 'error');
  app.useBodyParser<RawServerDefault>(
    'application/json',
    { bodyLimit: BODY_LIMIT_BYTES },
    (request, body, done) => {
      // Decoding would quietly turn bytes that are not UTF-8 into U+FFFD, changing what was sent.
      if (!isUtf8(body)) {
        done(
          new DomainError('REQUEST.INVALID_TEXT', 'The body is not well-formed UTF-8', 'invalid'),
          undefined,
        );
        return;
      }
      const text = body.toString('utf8');
      if (nestsDeeperThan(text)) {
        done(
          new DomainError(
            'REQUEST.TOO_DEEP',
            `The body nests objects or arrays more than ${MAX_JSON_DEPTH} levels deep`,
            'invalid',
          ),
          undefined,
        );
        return;
      }
      parseJson(request, text, (error, parsed) =>
        done(
          error
            ? new DomainError(
                'REQUEST.MALFORMED_JSON',
                `The body is not valid JSON: ${error.message}`,
                'invalid',
              )
            : null,
          parsed,
        ),
      );
    },
  );
}
