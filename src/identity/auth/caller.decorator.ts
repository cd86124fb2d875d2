import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { CommandContext } from '../../event-store/command-handling/command-context.js';
import { DomainError } from '../../shared/domain-error.js';
import { ANONYMOUS_ACTOR, actorOf, type Principal } from '../principal.js';
import { recordAccess, type RecordAccess, type RecordScope } from '../record-access.js';
import type { Grant } from '../roles.js';

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Who calls and why: the source of every command's actor, correlation and causation. */
export class Caller {
  constructor(
    readonly principal: Principal | undefined,
    readonly grant: Grant | undefined,
    readonly requestId: string,
    readonly correlationId: string,
    /** Read once per request (UTC ISO-8601). */
    readonly now: string,
    /** The citizen a counter office acts for, by national id. */
    readonly onBehalfOf?: string,
    /** The citizen's consent the office acts under. */
    readonly consent?: string,
    /** Why the caller reads citizens' data (`Daftar-Purpose`), recorded in the citizen's access log. */
    readonly purpose?: string,
  ) {}

  /** How the caller relates to a record, acting for a citizen when a counter office names one. */
  accessTo(record: RecordScope): RecordAccess {
    return recordAccess(this.principal, record, this.onBehalfOf, this.grant);
  }

  /** The signed-in principal; only for endpoints whose policy guarantees one. */
  get signedIn(): Principal {
    if (!this.principal) throw new DomainError('AUTH.UNAUTHENTICATED', 'Sign in first', 'unauthenticated');
    return this.principal;
  }

  commandContext(): CommandContext {
    const behalf = this.onBehalfOf ? { citizen: this.onBehalfOf, consent: this.consent } : undefined;
    const actor =
      this.principal && this.grant ? actorOf(this.principal, this.grant, behalf) : this.fallbackActor();
    return { actor, correlationId: this.correlationId, causationId: this.requestId, now: this.now };
  }

  private fallbackActor() {
    return this.principal ? { id: this.principal.id, role: 'user' } : ANONYMOUS_ACTOR;
  }
}

export function callerOf(request: FastifyRequest): Caller {
  const given = request.headers['x-correlation-id'];
  const correlationId = typeof given === 'string' && CORRELATION_ID.test(given) ? given : request.id;
  return new Caller(
    request.principal,
    request.grant,
    request.id,
    correlationId,
    new Date().toISOString(),
    request.onBehalfOf,
    request.consent,
    purposeOf(request.headers['daftar-purpose']),
  );
}

/** Header values are Latin-1, so a Persian purpose comes percent-encoded (UTF-8). */
function purposeOf(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  try {
    return decodeURIComponent(header);
  } catch {
    return header;
  }
}

export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext) =>
  callerOf(context.switchToHttp().getRequest<FastifyRequest>()),
);
