import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from './error-response.js';

const PROBLEM_REF = { $ref: '#/components/schemas/Problem' };

/** RFC 9457 problem details as `HttpErrorFilter` answers them. */
const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'RFC 9457 problem details; `code` is stable and `details` depends on it',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', format: 'uri', examples: ['urn:daftar:problem:PERMIT.NOT_FOUND'] },
    title: { type: 'string', description: 'the status’s reason phrase', examples: ['Not Found'] },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string', description: 'what went wrong, for people' },
    instance: { type: 'string', description: 'the request’s path', examples: ['/permits/0193…'] },
    code: { type: 'string', description: 'stable, for programs', examples: ['PERMIT.NOT_FOUND'] },
    details: { type: 'object', additionalProperties: true },
  },
};

/** The OpenAPI 3.1 document of the application, served at /openapi.json and /docs. */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Daftar')
    .setDescription('Daftar (دفتر): the event-sourced backend of an electronic municipality')
    .setVersion('0.1.0')
    .addBearerAuth()
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'Authorization',
        description: 'an organisation’s key, sent as `Authorization: ApiKey <key>`',
      },
      'ApiKey',
    )
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    // The method names the operation (`issuePermit`); its controller is an implementation detail.
    operationIdFactory: (_controllerKey: string, methodKey: string) => methodKey,
  });
  return withProblems(document);
}

/** One error schema: every 4xx and 5xx response of every operation answers a Problem. */
function withProblems(document: OpenAPIObject): OpenAPIObject {
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, Problem: PROBLEM_SCHEMA },
  };
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item)) {
      const responses = (operation as { responses?: Record<string, { content?: unknown }> }).responses;
      for (const [status, response] of Object.entries(responses ?? {})) {
        if (/^[45]/.test(status)) response.content = { [PROBLEM_CONTENT_TYPE]: { schema: PROBLEM_REF } };
      }
    }
  }
  return document;
}
