import { resolve } from 'node:path';
import { isRole, ROLES, type Role } from '../identity/roles.js';

export type StoreKind = 'sqlite' | 'eventstoredb';

export interface AppConfig {
  readonly dataDir: string;
  readonly host: string;
  readonly port: number;
  readonly store: StoreKind;
  readonly eventStoreConnectionString: string | undefined;
  readonly publicUrl: string;
  readonly logLevel: string;
  readonly production: boolean;
  /** Seed the demo municipality, organisations and users on a first start with an empty store. */
  readonly demoData: boolean;
  /** Production only: the password of the first admin, created when no admin exists. */
  readonly adminPassword: string | undefined;
  /** External identity (OpenID Connect); absent unless OIDC_ISSUER_URL is set. */
  readonly oidc?: OidcConfig;
  readonly signing: SigningConfig;
  /** Anonymous document verifications (GET /v/:code) one address may make per minute. */
  readonly verifyRateLimitPerMinute: number;
  /**
   * The secret the payment gateway signs its callbacks with (HMAC-SHA256); required in production.
   * Undefined in demo mode: the sandbox gateway then uses one generated under `<dataDir>/keys/`.
   */
  readonly gatewaySecret: string | undefined;
}

/** PEM files of the document-signing key; all three are required in production, demo keys are made otherwise. */
export interface SigningConfig {
  readonly keyPath?: string;
  readonly certPath?: string;
  readonly caCertPath?: string;
  /** Older signing certificates still published, so that documents they signed keep verifying after a rotation. */
  readonly extraCertPaths: readonly string[];
}

export interface OidcConfig {
  /** Compared verbatim with the tokens' `iss`. */
  readonly issuer: string;
  readonly audience: string;
  /** Undefined: discovered from `<issuer>/.well-known/openid-configuration`. */
  readonly jwksUrl: string | undefined;
  /** Claim paths; a dotted path (`realm_access.roles`) walks into objects. */
  readonly rolesClaim: string;
  readonly municipalityClaim: string;
  readonly organisationClaim: string;
  /** External role name → Daftar role; Daftar role names pass through unmapped. */
  readonly roleMap: Readonly<Record<string, Role>>;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Configuration error in ${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Reads and validates the environment once at start; a wrong value stops the server naming the variable. */
export function loadAppConfig(env: Readonly<Record<string, string | undefined>>): AppConfig {
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const store = oneOf(env, 'DAFTAR_STORE', ['sqlite', 'eventstoredb'], 'sqlite') as StoreKind;
  const connection = nonEmpty(env, 'EVENTSTORE_CONNECTION_STRING');
  if (store === 'eventstoredb' && connection === undefined) {
    throw new ConfigError('EVENTSTORE_CONNECTION_STRING', 'is required when DAFTAR_STORE=eventstoredb');
  }
  if (connection !== undefined && !/^esdb(\+discover)?:\/\//.test(connection)) {
    throw new ConfigError('EVENTSTORE_CONNECTION_STRING', 'must start with esdb:// or esdb+discover://');
  }
  const host = nonEmpty(env, 'HOST') ?? '0.0.0.0';
  const publicUrl = url(env, 'DAFTAR_PUBLIC_URL', `http://localhost:${port}`);
  const production = env['NODE_ENV'] === 'production';
  const demoData =
    oneOf(env, 'DAFTAR_DEMO_DATA', ['true', 'false'], production ? 'false' : 'true') === 'true';
  if (production && demoData)
    throw new ConfigError('DAFTAR_DEMO_DATA', 'cannot be true with NODE_ENV=production');
  return {
    dataDir: resolve(nonEmpty(env, 'DAFTAR_DATA_DIR') ?? './data'),
    host,
    port,
    store,
    eventStoreConnectionString: connection,
    publicUrl,
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    production,
    demoData,
    adminPassword: nonEmpty(env, 'DAFTAR_ADMIN_PASSWORD'),
    ...oidcConfig(env, publicUrl),
    signing: signingConfig(env, production),
    verifyRateLimitPerMinute: integer(env, 'DAFTAR_VERIFY_RATE_LIMIT', 600, 1, 10_000_000),
    gatewaySecret: gatewaySecret(env, production),
  };
}

const MIN_GATEWAY_SECRET_LENGTH = 32;

function gatewaySecret(
  env: Readonly<Record<string, string | undefined>>,
  production: boolean,
): string | undefined {
  const name = 'DAFTAR_GATEWAY_SECRET';
  const secret = nonEmpty(env, name);
  if (secret === undefined && production) {
    throw new ConfigError(
      name,
      'is required with NODE_ENV=production: the payment gateway’s callback secret',
    );
  }
  if (secret !== undefined && secret.length < MIN_GATEWAY_SECRET_LENGTH) {
    throw new ConfigError(name, `must be at least ${MIN_GATEWAY_SECRET_LENGTH} characters`);
  }
  return secret;
}

function signingConfig(
  env: Readonly<Record<string, string | undefined>>,
  production: boolean,
): SigningConfig {
  const path = (name: string) => {
    const raw = nonEmpty(env, name);
    if (raw === undefined && production) {
      throw new ConfigError(
        name,
        'is required with NODE_ENV=production: a PEM file of the document-signing key or CA',
      );
    }
    return raw === undefined ? undefined : resolve(raw);
  };
  return {
    keyPath: path('DAFTAR_SIGNING_KEY'),
    certPath: path('DAFTAR_SIGNING_CERT'),
    caCertPath: path('DAFTAR_CA_CERT'),
    extraCertPaths: (nonEmpty(env, 'DAFTAR_SIGNING_EXTRA_CERTS') ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '')
      .map((entry) => resolve(entry)),
  };
}

const OIDC_VARIABLES = [
  'OIDC_AUDIENCE',
  'OIDC_JWKS_URL',
  'OIDC_ROLES_CLAIM',
  'OIDC_MUNICIPALITY_CLAIM',
  'OIDC_ORGANISATION_CLAIM',
  'OIDC_ROLE_MAP',
];

function oidcConfig(
  env: Readonly<Record<string, string | undefined>>,
  publicUrl: string,
): { oidc?: OidcConfig } {
  const issuer = nonEmpty(env, 'OIDC_ISSUER_URL');
  if (issuer === undefined) {
    const stray = OIDC_VARIABLES.find((name) => nonEmpty(env, name) !== undefined);
    if (stray) throw new ConfigError('OIDC_ISSUER_URL', `is required when ${stray} is set`);
    return {};
  }
  url(env, 'OIDC_ISSUER_URL', ''); // validates only: the issuer is kept verbatim, as tokens must name it
  if (issuer.replace(/\/+$/, '') === publicUrl) {
    throw new ConfigError(
      'OIDC_ISSUER_URL',
      'must differ from DAFTAR_PUBLIC_URL, the issuer of Daftar tokens',
    );
  }
  const audience = nonEmpty(env, 'OIDC_AUDIENCE');
  if (audience === undefined)
    throw new ConfigError('OIDC_AUDIENCE', 'is required when OIDC_ISSUER_URL is set');
  return {
    oidc: {
      issuer,
      audience,
      jwksUrl: nonEmpty(env, 'OIDC_JWKS_URL') === undefined ? undefined : url(env, 'OIDC_JWKS_URL', ''),
      rolesClaim: claimPath(env, 'OIDC_ROLES_CLAIM', 'roles'),
      municipalityClaim: claimPath(env, 'OIDC_MUNICIPALITY_CLAIM', 'municipality'),
      organisationClaim: claimPath(env, 'OIDC_ORGANISATION_CLAIM', 'organisation'),
      roleMap: roleMap(env, 'OIDC_ROLE_MAP'),
    },
  };
}

function claimPath(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  fallback: string,
): string {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return fallback;
  if (raw.split('.').some((segment) => segment === '' || /\s/.test(segment))) {
    throw new ConfigError(name, `must be a claim name or a dotted path like a.b, got ${JSON.stringify(raw)}`);
  }
  return raw;
}

function roleMap(env: Readonly<Record<string, string | undefined>>, name: string): Record<string, Role> {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError(
      name,
      `must be a JSON object like {"municipal-clerk":"clerk"}, got ${JSON.stringify(raw)}`,
    );
  }
  const entries = Object.entries(parsed);
  for (const [external, role] of entries) {
    if (!isRole(role)) {
      throw new ConfigError(
        name,
        `maps ${JSON.stringify(external)} to ${JSON.stringify(role)}, which is not one of ${ROLES.join(', ')}`,
      );
    }
  }
  return Object.fromEntries(entries) as Record<string, Role>;
}

function nonEmpty(env: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function integer(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `must be an integer from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  }
  return Number(raw);
}

function oneOf(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  allowed: readonly string[],
  fallback: string,
): string {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return fallback;
  if (!allowed.includes(raw))
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got ${JSON.stringify(raw)}`);
  return raw;
}

function url(env: Readonly<Record<string, string | undefined>>, name: string, fallback: string): string {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return fallback;
  try {
    const parsed = new URL(raw);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('not http(s)');
  } catch {
    throw new ConfigError(name, `must be an absolute http(s) URL, got ${JSON.stringify(raw)}`);
  }
  return raw.replace(/\/+$/, '');
}
