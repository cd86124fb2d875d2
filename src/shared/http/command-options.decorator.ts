import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { DomainError } from '../domain-error.js';

/** `If-Match: "<revision>"` pins the expected revision; `Idempotency-Key` makes a retry safe. */
export function parseCommandHeaders(headers: FastifyRequest['headers']): CommandOptions {
  const ifMatch = single(headers['if-match']);
  const key = single(headers['idempotency-key']);
  let expectedRevision: bigint | undefined;
  if (ifMatch !== undefined) {
    const match = /^(?:W\/)?"?(\d{1,18})"?$/.exec(ifMatch.trim());
    if (!match)
      throw new DomainError('REQUEST.BAD_IF_MATCH', 'If-Match must be a revision such as "3"', 'invalid');
    expectedRevision = BigInt(match[1]!);
  }
  if (key !== undefined && !/^[\x21-\x7e]{8,128}$/.test(key)) {
    throw new DomainError(
      'REQUEST.BAD_IDEMPOTENCY_KEY',
      'Idempotency-Key must be 8 to 128 visible ASCII characters',
      'invalid',
    );
  }
  return {
    ...(expectedRevision !== undefined ? { expectedRevision } : {}),
    ...(key !== undefined ? { idempotencyKey: key } : {}),
  };
}

export const CommandHeaders = createParamDecorator((_: unknown, context: ExecutionContext): CommandOptions =>
  parseCommandHeaders(context.switchToHttp().getRequest<FastifyRequest>().headers),
);

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
