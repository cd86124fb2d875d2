import { Logger } from '@nestjs/common';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { OidcConfig } from '../../config/app-config.js';
import type { Principal } from '../principal.js';
import type { ExternalTokenVerifier } from './authenticator.js';
import { principalFromClaims } from './oidc-claims.js';

export interface OidcFetchOptions {
  /** How long a fetched key set is used before it is fetched again (ms). */
  readonly cacheMaxAge?: number;
  /** The least time between two fetches prompted by a token with an unknown key (ms). */
  readonly cooldownDuration?: number;
  /** How long to wait for the identity provider (ms). */
  readonly timeoutDuration?: number;
}

const DEFAULTS: Required<OidcFetchOptions> = {
  cacheMaxAge: 10 * 60_000,
  cooldownDuration: 30_000,
  timeoutDuration: 5_000,
};
const ALGORITHMS = ['RS256', 'ES256', 'EdDSA', 'PS256'];
const CLOCK_TOLERANCE_SECONDS = 30;

/** The identity provider could not be asked for its keys (discovery or JWKS fetch failed). */
export class IdentityProviderUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'IdentityProviderUnavailable';
  }
}

/**
 * Checks bearer tokens of an external OpenID Connect issuer: signature against the issuer's JWKS
 * (fetched on first use, cached, refetched when a token names an unknown key), issuer, audience and
 * expiry; then maps the claims to a principal. Token problems surface as jose errors; an unreachable
 * identity provider as {@link IdentityProviderUnavailable}, logged as a warning. Both answer 401.
 */
export class OidcTokenVerifier implements ExternalTokenVerifier {
  readonly issuer: string;
  private readonly logger = new Logger('OidcTokenVerifier');
  private readonly options: Required<OidcFetchOptions>;
  private keySet: Promise<JWTVerifyGetKey> | undefined;

  constructor(
    private readonly config: OidcConfig,
    options: OidcFetchOptions = {},
  ) {
    this.issuer = config.issuer;
    this.options = { ...DEFAULTS, ...options };
  }

  async verify(token: string): Promise<Principal> {
    const keys = await this.keys();
    const { payload } = await jwtVerify(token, keys, {
      issuer: this.config.issuer,
      audience: this.config.audience,
      algorithms: ALGORITHMS,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['sub', 'exp'],
    });
    const { sub } = payload;
    if (typeof sub !== 'string' || sub === '') {
      throw new errors.JWTClaimValidationFailed('"sub" claim must be a non-empty string', payload, 'sub');
    }
    return principalFromClaims({ ...payload, sub }, this.config);
  }

  /** The key set, made once; a failed discovery is not remembered, so the next token tries again. */
  private keys(): Promise<JWTVerifyGetKey> {
    this.keySet ??= this.makeKeySet().catch((error: unknown) => {
      this.keySet = undefined;
      this.warn(error);
      throw error;
    });
    return this.keySet;
  }

  private async makeKeySet(): Promise<JWTVerifyGetKey> {
    const url = new URL(this.config.jwksUrl ?? (await this.discoverJwksUrl()));
    const remote = createRemoteJWKSet(url, this.options);
    return async (header, token) => {
      try {
        return await remote(header, token);
      } catch (error) {
        if (isTokenProblem(error)) throw error;
        const unavailable = new IdentityProviderUnavailable(
          `cannot fetch the JWKS of ${this.issuer} from ${url.href}: ${reason(error)}`,
          { cause: error },
        );
        this.warn(unavailable);
        throw unavailable;
      }
    };
  }

  private async discoverJwksUrl(): Promise<string> {
    const location = `${this.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
    const fail = (why: string, cause?: unknown) =>
      new IdentityProviderUnavailable(`cannot discover the JWKS of ${this.issuer} at ${location}: ${why}`, {
        cause,
      });
    let document: unknown;
    try {
      const response = await fetch(location, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(this.options.timeoutDuration),
      });
      if (response.status !== 200) throw fail(`HTTP ${response.status}`);
      document = await response.json();
    } catch (error) {
      if (error instanceof IdentityProviderUnavailable) throw error;
      throw fail(reason(error), error);
    }
    const { issuer, jwks_uri: jwksUri } = (document ?? {}) as { issuer?: unknown; jwks_uri?: unknown };
    if (issuer !== this.issuer) throw fail(`the document names the issuer ${JSON.stringify(issuer)}`);
    if (typeof jwksUri !== 'string' || !/^https?:\/\//i.test(jwksUri)) {
      throw fail(`jwks_uri is not an http(s) URL: ${JSON.stringify(jwksUri)}`);
    }
    return jwksUri;
  }

  private warn(error: unknown): void {
    if (error instanceof IdentityProviderUnavailable) {
      this.logger.warn(`External tokens refused: ${error.message}`);
    }
  }
}

/** Errors about the token's key header rather than the identity provider being unreachable. */
function isTokenProblem(error: unknown): boolean {
  return (
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWKSMultipleMatchingKeys ||
    error instanceof errors.JOSENotSupported ||
    error instanceof errors.JOSEAlgNotAllowed
  );
}

/** The message of an error and of its causes (fetch says only "fetch failed"; its cause says why). */
function reason(error: unknown, depth = 0): string {
  if (typeof error !== 'object' || error === null || !('message' in error)) return String(error);
  const cause =
    'cause' in error && error.cause !== undefined && depth < 3 ? `: ${reason(error.cause, depth + 1)}` : '';
  return `${String(error.message)}${cause}`;
}
