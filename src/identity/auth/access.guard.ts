import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../shared/domain-error.js';
import { actingGrant, type Principal } from '../principal.js';
import type { Grant } from '../roles.js';
import { ACCESS_POLICY, type AccessPolicy } from './access.decorators.js';
import { Authenticator } from './authenticator.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
    /** The grant the caller acts under on this endpoint. */
    grant?: Grant;
  }
}

/** The one place that authenticates callers and checks each endpoint's declared roles. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!policy)
      throw new DomainError('AUTH.NO_POLICY', 'This endpoint declares no access policy', 'forbidden');
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const principal = await this.authenticator.authenticate(request.headers.authorization);
    if (principal) request.principal = principal;
    if (policy.kind === 'public') return true;
    if (!principal) throw new DomainError('AUTH.UNAUTHENTICATED', 'Sign in first', 'unauthenticated');
    if (policy.kind === 'authenticated') {
      if (principal.grants[0]) request.grant = principal.grants[0];
      return true;
    }
    const grant = actingGrant(principal, policy.roles);
    if (!grant) {
      throw new DomainError(
        'AUTH.FORBIDDEN',
        `This needs one of the roles: ${policy.roles.join(', ')}`,
        'forbidden',
      );
    }
    if (
      principal.kind === 'api_key' &&
      policy.permission &&
      !principal.permissions?.includes(policy.permission)
    ) {
      throw new DomainError(
        'AUTH.MISSING_PERMISSION',
        `This API key lacks the permission ${policy.permission}`,
        'forbidden',
      );
    }
    request.grant = grant;
    return true;
  }
}
