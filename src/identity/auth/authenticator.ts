import { Inject, Injectable, Optional } from '@nestjs/common';
import { errors } from 'jose';
import type { UserView } from '../../../projections/users/users.projection.js';
import { DomainError } from '../../shared/domain-error.js';
import type { Principal } from '../principal.js';
import { OrganisationsReadModel } from '../organisations/organisations.read-model.js';
import { ScopeDirectory } from '../scope-directory.js';
import { UsersReadModel } from '../users/users.read-model.js';
import { issuerOf, TokenSigner } from './token-signer.js';

/** Checks bearer tokens of an external OpenID Connect issuer. */
export interface ExternalTokenVerifier {
  readonly issuer: string;
  verify(token: string): Promise<Principal>;
}
export const EXTERNAL_TOKEN_VERIFIER = Symbol('ExternalTokenVerifier');

/** Finds the organisation behind an `ApiKey` credential. */
export interface ApiKeyAuthenticator {
  authenticate(key: string): Promise<Principal | undefined>;
  /** The key with this principal id as it stands now; undefined once revoked. */
  current(principalId: string): Principal | undefined;
}
export const API_KEY_AUTHENTICATOR = Symbol('ApiKeyAuthenticator');

const unauthenticated = (code: string, message: string) => new DomainError(code, message, 'unauthenticated');

/** Turns an Authorization header into a principal, or refuses it with 401. */
@Injectable()
export class Authenticator {
  constructor(
    private readonly tokens: TokenSigner,
    private readonly users: UsersReadModel,
    @Inject(API_KEY_AUTHENTICATOR) private readonly apiKeys: ApiKeyAuthenticator,
    private readonly organisations: OrganisationsReadModel,
    private readonly directory: ScopeDirectory,
    @Optional() @Inject(EXTERNAL_TOKEN_VERIFIER) private readonly external?: ExternalTokenVerifier,
  ) {}

  async authenticate(authorization: string | undefined): Promise<Principal | undefined> {
    if (authorization === undefined) return undefined;
    const [scheme, credential, extra] = authorization.trim().split(/\s+/);
    if (!credential || extra !== undefined) {
      throw unauthenticated(
        'AUTH.MALFORMED_AUTHORIZATION',
        'Authorization must be "Bearer <token>" or "ApiKey <key>"',
      );
    }
    switch (scheme?.toLowerCase()) {
      case 'bearer':
        return this.withActiveOrganisations(await this.bearer(credential));
      case 'apikey': {
        const principal = await this.apiKeys.authenticate(credential);
        // A key speaks only for an active organisation.
        if (!principal || this.withActiveOrganisations(principal).grants.length === 0) {
          throw unauthenticated('AUTH.INVALID_API_KEY', 'This API key is unknown or revoked');
        }
        return principal;
      }
      default:
        throw unauthenticated(
          'AUTH.MALFORMED_AUTHORIZATION',
          'Authorization must be "Bearer <token>" or "ApiKey <key>"',
        );
    }
  }

  /**
   * Who a principal is now, for work done on its behalf without a request (webhook deliveries):
   * undefined once its key is revoked, its account disabled or gone, or its organisation deactivated.
   * People of an external identity provider are known only by their tokens, so never here.
   */
  currentPrincipal(who: Pick<Principal, 'id' | 'kind'>): Principal | undefined {
    if (who.kind === 'api_key') {
      const principal = this.apiKeys.current(who.id);
      const current = principal && this.withActiveOrganisations(principal);
      return current && current.grants.length > 0 ? current : undefined;
    }
    const user = this.users.get(who.id);
    return user && !user.disabled ? this.withActiveOrganisations(this.principalOf(user)) : undefined;
  }

  private async bearer(token: string): Promise<Principal> {
    try {
      const issuer = issuerOf(token);
      if (this.external && issuer === this.external.issuer) {
        return this.inDirectory(await this.external.verify(token));
      }
      const verified = await this.tokens.verify(token);
      if (verified === undefined)
        throw unauthenticated('AUTH.INVALID_TOKEN', 'This token was not issued by Daftar');
      return this.userPrincipal(verified.subject, verified.issuedAtMs);
    } catch (error) {
      if (error instanceof DomainError) throw error;
      if (error instanceof errors.JWTExpired)
        throw unauthenticated('AUTH.TOKEN_EXPIRED', 'The token has expired; sign in again');
      throw unauthenticated('AUTH.INVALID_TOKEN', 'The token is not valid');
    }
  }

  /**
   * An identity provider's grants hold only where the directory knows their scope and it fits the role,
   * as a local grant must; the others are dropped, and the token still proves who calls (403, not 401).
   */
  private inDirectory(principal: Principal): Principal {
    const grants = principal.grants.filter((g) => this.directory.grantRefusal(g) === undefined);
    return { ...principal, grants: this.directory.withProvincesExpanded(grants) };
  }

  /** A deactivated organisation's roles lapse at once, for its people and its keys alike. */
  private withActiveOrganisations(principal: Principal): Principal {
    const grants = principal.grants.filter(
      (g) => !g.organisation || this.organisations.get(g.organisation)?.active === true,
    );
    return grants.length === principal.grants.length ? principal : { ...principal, grants };
  }

  /** Roles are read afresh on every request, so a revoked role or a disabled account takes effect at once. */
  private userPrincipal(userId: string, issuedAtMs: number): Principal {
    const user = this.users.get(userId);
    if (!user || user.disabled)
      throw unauthenticated('AUTH.ACCOUNT_DISABLED', 'This account is disabled or gone');
    // A password change ends every session that began before it.
    if (user.passwordChangedAt && issuedAtMs < Date.parse(user.passwordChangedAt)) {
      throw unauthenticated(
        'AUTH.TOKEN_REVOKED',
        'The password has changed since this token was issued; sign in again',
      );
    }
    return this.principalOf(user);
  }

  private principalOf(user: UserView): Principal {
    return {
      kind: 'user',
      id: user.userId,
      username: user.username,
      displayName: user.displayName,
      ...(user.nationalId ? { nationalId: user.nationalId } : {}),
      grants: this.directory.withProvincesExpanded(user.grants),
      authenticatedBy: 'password_token',
    };
  }
}
