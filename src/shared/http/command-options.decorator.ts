import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { DomainError } from '../domain-error.js';

/**
 * `If-Match` pins the expected revision: one strong entity tag (`"3"`) or `*` (the record exists).
 * It compares strongly (RFC 9110 §13.1.1), so a weak tag (`W/"3"`) never matches: 412.
 * `Idempotency-Key` makes a retry safe.
 */
export function parseCommandHeaders(headers: FastifyRequest['headers']): CommandOptions {
  const ifMatch = single(headers['if-match'])?.trim();
  const key = single(headers['idempotency-key']);
  if (ifMatch?.startsWith('W/')) {
    throw new DomainError(
      'REQUEST.WEAK_IF_MATCH',
      'If-Match compares strongly and a weak entity tag never matches; send the ETag as given',
      'precondition_failed',
    );
  }
  const match = ifMatch === undefined || ifMatch === '*' ? undefined : /^"(\d{1,18})"$/.exec(ifMatch);
  if (ifMatch !== undefined && ifMatch !== '*' && !match) {
    throw new DomainError('REQUEST.BAD_IF_MATCH', 'If-Match must be an ETag such as "3", or *', 'invalid');
  }
  if (key !== undefined && !/^[\x21-\x7e]{8,128}$/.test(key)) {
    throw new DomainError(
      'REQUEST.BAD_IDEMPOTENCY_KEY',
      'Idempotency-Key must be 8 to 128 visible ASCII characters',
      'invalid',
    );
  }
  const expectedRevision = match ? BigInt(match[1]!) : ifMatch === '*' ? ('exists' as const) : undefined;
  return {
    ...(expectedRevision !== undefined ? { expectedRevision } : {}),
    ...(key !== undefined ? { idempotencyKey: key } : {}),
  };
}

/**
 * What a key's first use is compared with on reuse: method, path and body. Keyed by the key itself,
 * so a digest kept in the log does not let anyone guess a short body (a one-time code) from it.
 */
export function requestDigest(key: string, request: Pick<FastifyRequest, 'method' | 'url' | 'body'>): string {
  return createHash('sha256')
    .update(JSON.stringify([key, request.method, request.url, request.body ?? null]))
    .digest('base64url');
}

export const CommandHeaders = createParamDecorator(
  (_: unknown, context: ExecutionContext): CommandOptions => {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const options = parseCommandHeaders(request.headers);
    const key = options.idempotencyKey;
    return key === undefined ? options : { ...options, requestDigest: requestDigest(key, request) };
  },
);

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
