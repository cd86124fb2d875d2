import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Observable, tap } from 'rxjs';
import { collectingRevision } from '../../event-store/command-handling/command-revision.js';

const LOCATION = 'daftar:location';
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Where the created resource lives, filled from the answer's fields, else the route's parameters:
 * `@Location('/permits/{permitId}')` answers `Location: /permits/<body.permitId>`.
 */
export const Location = (template: string) => SetMetadata(LOCATION, template);

/**
 * Gives every command's answer the `ETag` of the stream it acted on (its revision, a strong tag, the
 * value `If-Match` takes back) and, with `@Location`, where the created resource lives.
 */
@Injectable()
export class CommandResponseInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    if (READS.has(request.method)) return next.handle();
    const reply = http.getResponse<FastifyReply>();
    const location = this.reflector.get<string | undefined>(LOCATION, context.getHandler());
    // handle() binds the handler to the async context it is called in: the slot's.
    const { slot, result } = collectingRevision(() => next.handle());
    return result.pipe(
      tap((body) => {
        // A handler that answered through the reply itself (@Res) has sent its headers already.
        if (reply.sent) return;
        if (slot.revision !== undefined && !reply.hasHeader('etag')) {
          void reply.header('etag', `"${slot.revision}"`);
        }
        if (location !== undefined) void reply.header('location', fill(location, body, request.params));
      }),
    );
  }
}

function fill(template: string, body: unknown, params: unknown): string {
  return template.replace(/\{(\w+)\}/g, (_, field: string) => {
    const value =
      (body as Record<string, unknown> | null)?.[field] ?? (params as Record<string, unknown>)[field];
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new Error(`@Location(${template}): the answer has no ${field}`);
    }
    return encodeURIComponent(String(value));
  });
}
