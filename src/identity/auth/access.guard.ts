import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../shared/domain-error.js';
import { normalizeNationalId } from '../national-id.js';
import { actingGrant, type Principal } from '../principal.js';
import type { Grant } from '../roles.js';
import { ConsentsReadModel } from '../consents/consents.read-model.js';
import { ACCESS_POLICY, type AccessPolicy } from './access.decorators.js';
import { Authenticator } from './authenticator.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
    /** The grant the caller acts under on this endpoint. */
    grant?: Grant;
    /** The citizen a counter office acts for (X-On-Behalf-Of), as a national id. */
    onBehalfOf?: string;
    /** The citizen's consent under which it does. */
    consent?: string;
  }
}

/** The one place that authenticates callers and checks each endpoint's declared roles. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    private readonly consents: ConsentsReadModel,
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
    const grant = this.grantFor(policy, principal);
    if (grant) request.grant = grant;
    const onBehalfOf = request.headers['x-on-behalf-of'];
    if (onBehalfOf !== undefined) {
      request.onBehalfOf = onBehalfOfCitizen(onBehalfOf, principal, grant);
      request.consent = this.liveConsent(grant!.organisation!, request.onBehalfOf);
      // Reads leave no event: the request's log line names the consent instead.
      request.log = request.log.child({ consent: request.consent });
    }
    return true;
  }

  /** A counter office acts for a citizen only under their live consent, given to this office. */
  private liveConsent(office: string, nationalId: string): string {
    const consent = this.consents.liveFor(office, nationalId, new Date().toISOString());
    if (!consent) {
      throw new DomainError(
        'ACCESS.NO_CONSENT',
        'The citizen has not consented to this office acting for them, or the consent has ended; ask for it with POST /consents',
        'forbidden',
      );
    }
    return consent.consentId;
  }

  /** The grant the caller acts under, or the refusal the policy calls for. */
  private grantFor(policy: AccessPolicy, principal: Principal | undefined): Grant | undefined {
    if (policy.kind === 'public') return principal?.grants[0];
    if (!principal) throw new DomainError('AUTH.UNAUTHENTICATED', 'Sign in first', 'unauthenticated');
    if (policy.kind === 'authenticated') return principal.grants[0];
    const grant = actingGrant(principal, policy.roles);
    if (!grant) {
      throw new DomainError(
        'AUTH.FORBIDDEN',
        `This needs one of the roles: ${policy.roles.join(', ')}`,
        'forbidden',
      );
    }
    // Keys are denied by default: an endpoint serves them only for a permission it names.
    if (
      principal.kind === 'api_key' &&
      !(policy.permission && principal.permissions?.includes(policy.permission))
    ) {
      throw new DomainError(
        'AUTH.MISSING_PERMISSION',
        policy.permission
          ? `This API key lacks the permission ${policy.permission}`
          : 'This endpoint is not open to API keys',
        'forbidden',
      );
    }
    return grant;
  }
}

/** Only a counter office (دفتر پیشخوان) acts for a citizen, and it must name them by a valid national id. */
function onBehalfOfCitizen(
  header: string | string[],
  principal: Principal | undefined,
  grant: Grant | undefined,
): string {
  // A person at the counter acts for the citizen in front of them; a machine key does not.
  if (grant?.role !== 'counter_office' || principal?.kind !== 'user') {
    throw new DomainError(
      'AUTH.ON_BEHALF_NOT_ALLOWED',
      'Only a counter office may act on behalf of a citizen',
      'forbidden',
    );
  }
  const nationalId = normalizeNationalId(Array.isArray(header) ? (header[0] ?? '') : header);
  if (!nationalId) {
    throw new DomainError(
      'IDENTITY.INVALID_NATIONAL_ID',
      'X-On-Behalf-Of must be a valid national id',
      'invalid',
    );
  }
  return nationalId;
}
