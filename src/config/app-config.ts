import { isIP } from 'node:net';
import { resolve } from 'node:path';
import {
  DEFAULT_WORKING_HOURS,
  parseWorkingHours,
  type WorkingHours,
} from '../../projections/audit-reports/working-hours.js';
import { isRole, ROLES, type Role } from '../identity/roles.js';
import { parseQuietHours, parseTimeOfDay, type QuietHours } from '../notifications/quiet-hours.js';

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
  /** Tracking look-ups (GET /track/:n) one address may make per minute, unless its owner signed in. */
  readonly trackRateLimitPerMinute: number;
  /** Requests to the integrator feed (GET /feed) one API key or user may make per minute. */
  readonly feedRateLimitPerMinute: number;
  /** How often GET /feed/stream sends a heartbeat comment, in milliseconds. */
  readonly feedStreamHeartbeatMs: number;
  /** How long a GET /feed/stream reader may leave sent bytes unread before it is disconnected (ms). */
  readonly feedStreamStallMs: number;
  /** How many GET /feed/stream streams one API key or user may hold open at once. */
  readonly feedStreamsPerKey: number;
  /**
   * Webhooks may target loopback, private and link-local addresses (and plain http): demo mode and
   * tests only, refused in production.
   */
  readonly webhookAllowPrivateTargets: boolean;
  /** Webhooks one API key or user may have: each is a subscriber reading the log on its own. */
  readonly webhooksPerOwner: number;
  /**
   * Addresses or CIDR ranges of the reverse proxies whose X-Forwarded-For is believed; empty: none,
   * and every request counts under the address it came from.
   */
  readonly trustedProxies: readonly string[];
  /** How long a stored blob no event names is kept before it is collected. */
  readonly blobGraceHours: number;
  /**
   * The secret the sandbox gateway signs its callbacks with (HMAC-SHA256); undefined: one generated
   * under `<dataDir>/keys/`. Zarinpal sends no callbacks, so production (never the sandbox) needs none.
   */
  readonly gatewaySecret: string | undefined;
  /** The payment gateway payers are sent to: the sandbox (demo only) or Zarinpal. */
  readonly paymentGateway: PaymentGatewayConfig;
  /** How long a payment intent waits for the gateway's word before it expires. */
  readonly paymentIntentMinutes: number;
  /**
   * The file of credentials keys that seal password hashes in events (`<keyId>:<key>` a line, newest
   * last); required in production. Undefined in demo mode: one is made under `<dataDir>/keys/`.
   */
  readonly credentialsKeyPath: string | undefined;
  /**
   * The file of the ledger's checkpoint signer key (`PRIVATE+KEY+<name>+<id>+<key>`); required in
   * production. Undefined in demo mode: one is made under `<dataDir>/keys/`.
   */
  readonly ledgerKeyPath: string | undefined;
  /** The identity registry (mobile ↔ national id); undefined: the demo registry (refused in production). */
  readonly identityMatch: IdentityMatchConfig | undefined;
  /** The SMS provider; undefined: the demo outbox (refused in production). */
  readonly sms: SmsConfig | undefined;
  /** The mail server (SMTP); undefined: the demo outbox of `.eml` files (refused in production). */
  readonly mail: MailConfig | undefined;
  /** How long a citizen's consent lets a counter office act for them. */
  readonly consentHours: number;
  /** One-time codes (registration, consent) one client address may have sent per hour. */
  readonly codeSendsPerAddressPerHour: number;
  /** The municipalities' working hours, Tehran time, that the after-hours report measures against. */
  readonly workingHours: WorkingHours;
  /** How people hear of their files (SMS, email): coalescing, quiet hours, the staff's daily digest. */
  readonly notifications: NotificationsConfig;
  /** How a citizen's access log names the officials who read their data: by role and office, or also by name. */
  readonly accessLogNames: AccessLogNames;
}

export interface NotificationsConfig {
  /** News for one person within this many seconds travels as one message; 0: every event alone. */
  readonly windowSeconds: number;
  /** Non-urgent SMS wait through these hours, Tehran time; null: never held. */
  readonly quietHours: QuietHours | null;
  /** Minute of the Tehran day at which staff get the digest of their overdue worklist. */
  readonly digestAtMinute: number;
  /**
   * Events older than this (hours) when the reaction reaches them tell nobody: a first start on an old
   * log, or a rebuilt read-model file, must not text every citizen about every step of every file.
   */
  readonly maxAgeHours: number;
}

export const ACCESS_LOG_NAMES = ['role', 'name'] as const;
export type AccessLogNames = (typeof ACCESS_LOG_NAMES)[number];

export interface IdentityMatchConfig {
  readonly url: string;
  readonly key: string;
  readonly timeoutMs: number;
  readonly cacheMs: number;
}

export type PaymentGatewayConfig =
  | { readonly kind: 'sandbox' }
  | {
      readonly kind: 'zarinpal';
      /** The merchant's 36-character id (مرچنت کد). */
      readonly merchantId: string;
      /** Base of the payment API and its StartPay pages. */
      readonly url: string;
      /** Zarinpal's GraphQL API, where refunds are asked for with the access token. */
      readonly refundUrl: string;
      /** Undefined: refunds are not possible through the gateway (the cash desk pays them). */
      readonly accessToken: string | undefined;
      readonly timeoutMs: number;
    };

export interface SmsConfig {
  readonly url: string;
  readonly key: string;
  readonly sender: string;
  readonly timeoutMs: number;
}

export const SMTP_TLS_MODES = ['starttls', 'implicit', 'none'] as const;
export type SmtpTls = (typeof SMTP_TLS_MODES)[number];

export interface MailConfig {
  readonly host: string;
  readonly port: number;
  /** `starttls`: upgrade on the submission port and refuse a server that cannot; `implicit`: TLS from the start (465). */
  readonly tls: SmtpTls;
  /** Undefined: the server takes mail without authentication (a relay that trusts our address). */
  readonly auth: { readonly user: string; readonly password: string } | undefined;
  /** The `From` of every message: `شهرداری نمونه <daftar@example.ir>` or a bare address. */
  readonly from: { readonly name: string; readonly address: string };
  readonly timeoutMs: number;
  /** A PEM file of the CA the server's certificate chains to, for a municipality's private CA. */
  readonly caPath: string | undefined;
}

/** PEM files of the document-signing and seal keys; all are required in production, demo keys are made otherwise. */
export interface SigningConfig {
  readonly keyPath?: string;
  readonly certPath?: string;
  readonly caCertPath?: string;
  /** The ECDSA P-256 key that signs QR seals and its certificate from the CA; required in production too. */
  readonly sealKeyPath?: string;
  readonly sealCertPath?: string;
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
  /** The claim holding an integrator's feed scope (`{ municipalities, categories, types, pii }`). */
  readonly feedClaim: string;
  /**
   * The claim holding a national id the issuer proved (the national single sign-on). Unset: tokens make
   * nobody a citizen, since an issuer whose users may edit such an attribute would hand out anyone's records.
   */
  readonly nationalIdClaim: string | undefined;
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
    trackRateLimitPerMinute: integer(env, 'DAFTAR_TRACK_RATE_LIMIT', 30, 1, 10_000_000),
    feedRateLimitPerMinute: integer(env, 'DAFTAR_FEED_RATE_LIMIT', 1200, 1, 10_000_000),
    feedStreamHeartbeatMs: integer(env, 'DAFTAR_FEED_STREAM_HEARTBEAT_MS', 15_000, 10, 3_600_000),
    feedStreamStallMs: integer(env, 'DAFTAR_FEED_STREAM_STALL_MS', 10_000, 10, 3_600_000),
    feedStreamsPerKey: integer(env, 'DAFTAR_FEED_STREAMS_PER_KEY', 3, 1, 10_000),
    webhookAllowPrivateTargets: webhookAllowPrivateTargets(env, production),
    webhooksPerOwner: integer(env, 'DAFTAR_WEBHOOKS_PER_OWNER', 10, 1, 1000),
    trustedProxies: addressRanges(env, 'DAFTAR_TRUSTED_PROXIES'),
    blobGraceHours: integer(env, 'DAFTAR_BLOB_GRACE_HOURS', 24, 1, 24 * 365),
    gatewaySecret: gatewaySecret(env),
    paymentGateway: paymentGatewayConfig(env, production),
    paymentIntentMinutes: integer(env, 'DAFTAR_PAYMENT_INTENT_MINUTES', 30, 16, 24 * 60),
    credentialsKeyPath: requiredFile(
      env,
      'DAFTAR_CREDENTIALS_KEY',
      production,
      'the file of keys that seal password hashes',
    ),
    ledgerKeyPath: requiredFile(env, 'DAFTAR_LEDGER_KEY', production, 'the signer key of ledger checkpoints'),
    identityMatch: identityMatchConfig(env, production),
    sms: smsConfig(env, production),
    mail: mailConfig(env, production),
    consentHours: integer(env, 'DAFTAR_CONSENT_HOURS', 8, 1, 24 * 30),
    codeSendsPerAddressPerHour: integer(env, 'DAFTAR_CODE_SENDS_PER_ADDRESS', 20, 1, 1_000_000),
    workingHours: workingHours(env),
    notifications: notificationsConfig(env),
    accessLogNames: oneOf(env, 'DAFTAR_ACCESS_LOG_NAMES', ACCESS_LOG_NAMES, 'role') as AccessLogNames,
  };
}

function webhookAllowPrivateTargets(
  env: Readonly<Record<string, string | undefined>>,
  production: boolean,
): boolean {
  const name = 'DAFTAR_WEBHOOK_ALLOW_PRIVATE_TARGETS';
  const allow = oneOf(env, name, ['true', 'false'], production ? 'false' : 'true') === 'true';
  if (production && allow) throw new ConfigError(name, 'cannot be true with NODE_ENV=production');
  return allow;
}

function notificationsConfig(env: Readonly<Record<string, string | undefined>>): NotificationsConfig {
  return {
    windowSeconds: integer(env, 'DAFTAR_NOTIFY_WINDOW_SECONDS', 120, 0, 3_600),
    quietHours: parsed(env, 'DAFTAR_QUIET_HOURS', '22:00-07:00', parseQuietHours),
    digestAtMinute: parsed(env, 'DAFTAR_DIGEST_TIME', '07:30', parseTimeOfDay),
    maxAgeHours: integer(env, 'DAFTAR_NOTIFY_MAX_AGE_HOURS', 24, 1, 24 * 30),
  };
}

/** A variable read by `parse`, whose RangeError becomes the variable's configuration error. */
function parsed<T>(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  fallback: string,
  parse: (text: string) => T,
): T {
  try {
    return parse(nonEmpty(env, name) ?? fallback);
  } catch (error) {
    throw new ConfigError(name, (error as Error).message);
  }
}

function workingHours(env: Readonly<Record<string, string | undefined>>): WorkingHours {
  return parsed(env, 'DAFTAR_WORKING_HOURS', DEFAULT_WORKING_HOURS, parseWorkingHours);
}

/** A provider's URL and key go together; production has no demo stand-in to fall back on. */
function provider(
  env: Readonly<Record<string, string | undefined>>,
  production: boolean,
  names: { readonly url: string; readonly key: string },
  what: string,
): { url: string; key: string } | undefined {
  const base = url(env, names.url, '');
  const key = nonEmpty(env, names.key);
  if (!base && key === undefined) {
    if (production) throw new ConfigError(names.url, `is required with NODE_ENV=production: ${what}`);
    return undefined;
  }
  if (!base) throw new ConfigError(names.url, `is required when ${names.key} is set`);
  if (key === undefined) throw new ConfigError(names.key, `is required when ${names.url} is set`);
  return { url: base, key };
}

function identityMatchConfig(
  env: Readonly<Record<string, string | undefined>>,
  production: boolean,
): IdentityMatchConfig | undefined {
  const names = { url: 'DAFTAR_IDENTITY_MATCH_URL', key: 'DAFTAR_IDENTITY_MATCH_KEY' };
  const found = provider(env, production, names, 'the registry that matches mobiles to national ids');
  return (
    found && {
      ...found,
      timeoutMs: integer(env, 'DAFTAR_IDENTITY_MATCH_TIMEOUT_MS', 5000, 100, 60_000),
      cacheMs: integer(env, 'DAFTAR_IDENTITY_MATCH_CACHE_MS', 5 * 60_000, 0, 24 * 3600_000),
    }
  );
}

function smsConfig(
  env: Readonly<Record<string, string | undefined>>,
  production: boolean,
): SmsConfig | undefined {
  const names = { url: 'DAFTAR_SMS_URL', key: 'DAFTAR_SMS_KEY' };
  const found = provider(env, production, names, 'the SMS provider (Kavenegar REST API)');
  if (!found) return undefined;
  const sender = nonEmpty(env, 'DAFTAR_SMS_SENDER');
  if (sender === undefined)
    throw new ConfigError('DAFTAR_SMS_SENDER', 'is required when DAFTAR_SMS_URL is set');
  return { ...found, sender, timeoutMs: integer(env, 'DAFTAR_SMS_TIMEOUT_MS', 10_000, 100, 60_000) };
}

const MAIL_VARIABLES = [
  'DAFTAR_SMTP_PORT',
  'DAFTAR_SMTP_TLS',
  'DAFTAR_SMTP_USER',
  'DAFTAR_SMTP_PASSWORD',
  'DAFTAR_MAIL_FROM',
  'DAFTAR_SMTP_TIMEOUT_MS',
  'DAFTAR_SMTP_CA',
];

function mailConfig(
  env: Readonly<Record<string, string | undefined>>,
  production: boolean,
): MailConfig | undefined {
  const host = nonEmpty(env, 'DAFTAR_SMTP_HOST');
  if (host === undefined) {
    if (production)
      throw new ConfigError(
        'DAFTAR_SMTP_HOST',
        'is required with NODE_ENV=production: the mail server (SMTP)',
      );
    const stray = MAIL_VARIABLES.find((name) => nonEmpty(env, name) !== undefined);
    if (stray) throw new ConfigError('DAFTAR_SMTP_HOST', `is required when ${stray} is set`);
    return undefined;
  }
  if (isIP(host) === 0 && !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i.test(host)) {
    throw new ConfigError(
      'DAFTAR_SMTP_HOST',
      `must be a host name or IP address, got ${JSON.stringify(host)}`,
    );
  }
  const tls = oneOf(env, 'DAFTAR_SMTP_TLS', SMTP_TLS_MODES, 'starttls') as SmtpTls;
  if (production && tls === 'none')
    throw new ConfigError('DAFTAR_SMTP_TLS', 'cannot be none with NODE_ENV=production');
  const user = nonEmpty(env, 'DAFTAR_SMTP_USER');
  const password = nonEmpty(env, 'DAFTAR_SMTP_PASSWORD');
  if ((user === undefined) !== (password === undefined)) {
    const [missing, given] =
      user === undefined
        ? ['DAFTAR_SMTP_USER', 'DAFTAR_SMTP_PASSWORD']
        : ['DAFTAR_SMTP_PASSWORD', 'DAFTAR_SMTP_USER'];
    throw new ConfigError(missing, `is required when ${given} is set`);
  }
  const ca = nonEmpty(env, 'DAFTAR_SMTP_CA');
  return {
    host,
    port: integer(env, 'DAFTAR_SMTP_PORT', tls === 'implicit' ? 465 : 587, 1, 65535),
    tls,
    auth: user === undefined || password === undefined ? undefined : { user, password },
    from: mailFrom(env, 'DAFTAR_MAIL_FROM'),
    timeoutMs: integer(env, 'DAFTAR_SMTP_TIMEOUT_MS', 10_000, 100, 120_000),
    caPath: ca === undefined ? undefined : resolve(ca),
  };
}

/** `Display Name <address>` or a bare `address`. */
function mailFrom(env: Readonly<Record<string, string | undefined>>, name: string): MailConfig['from'] {
  const raw = nonEmpty(env, name);
  if (raw === undefined) throw new ConfigError(name, 'is required when DAFTAR_SMTP_HOST is set');
  const match = /^(?:(.*?)\s*<([^<>\s]+)>|([^<>\s]+))$/u.exec(raw);
  const address = match?.[2] ?? match?.[3];
  if (!match || !address || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address) || /["\r\n]/.test(match[1] ?? '')) {
    throw new ConfigError(
      name,
      `must be an address or "Name <address>", like "شهرداری نمونه <daftar@example.ir>", got ${JSON.stringify(raw)}`,
    );
  }
  return { name: match[1] ?? '', address };
}

/** A comma-separated list of IP addresses and CIDR ranges (`10.0.0.0/8`, `fd00::/8`). */
function addressRanges(env: Readonly<Record<string, string | undefined>>, name: string): string[] {
  const entries = (nonEmpty(env, name) ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const entry of entries) {
    const [address = '', bits, ...rest] = entry.split('/');
    const version = isIP(address);
    const maxBits = version === 4 ? 32 : 128;
    const bitsValid = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= maxBits);
    if (version === 0 || !bitsValid || rest.length > 0) {
      throw new ConfigError(
        name,
        `must list IP addresses or CIDR ranges separated by commas, got ${JSON.stringify(entry)}`,
      );
    }
  }
  return entries;
}

const MERCHANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function paymentGatewayConfig(
  env: Readonly<Record<string, string | undefined>>,
  production: boolean,
): PaymentGatewayConfig {
  const name = 'DAFTAR_PAYMENT_GATEWAY';
  const kind = oneOf(env, name, ['sandbox', 'zarinpal'], production ? 'zarinpal' : 'sandbox') as
    'sandbox' | 'zarinpal';
  if (kind === 'sandbox') {
    if (production) throw new ConfigError(name, 'cannot be sandbox with NODE_ENV=production');
    return { kind };
  }
  const merchantId = nonEmpty(env, 'DAFTAR_ZARINPAL_MERCHANT_ID');
  // The all-zero id is a placeholder (Zarinpal's documentation uses it), never a merchant.
  if (merchantId === undefined || !MERCHANT_ID.test(merchantId) || /^[0-]+$/.test(merchantId)) {
    throw new ConfigError(
      'DAFTAR_ZARINPAL_MERCHANT_ID',
      'is required with DAFTAR_PAYMENT_GATEWAY=zarinpal: the 36-character merchant id',
    );
  }
  return {
    kind,
    merchantId,
    url: url(env, 'DAFTAR_ZARINPAL_URL', 'https://payment.zarinpal.com'),
    refundUrl: url(env, 'DAFTAR_ZARINPAL_REFUND_URL', 'https://next.zarinpal.com/api/v4/graphql'),
    accessToken: nonEmpty(env, 'DAFTAR_ZARINPAL_ACCESS_TOKEN'),
    timeoutMs: integer(env, 'DAFTAR_ZARINPAL_TIMEOUT_MS', 10_000, 100, 60_000),
  };
}

const MIN_GATEWAY_SECRET_LENGTH = 32;

function gatewaySecret(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const name = 'DAFTAR_GATEWAY_SECRET';
  const secret = nonEmpty(env, name);
  if (secret !== undefined && secret.length < MIN_GATEWAY_SECRET_LENGTH) {
    throw new ConfigError(name, `must be at least ${MIN_GATEWAY_SECRET_LENGTH} characters`);
  }
  return secret;
}

function requiredFile(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  production: boolean,
  what: string,
): string | undefined {
  const raw = nonEmpty(env, name);
  if (raw === undefined && production) {
    throw new ConfigError(name, `is required with NODE_ENV=production: ${what}`);
  }
  return raw === undefined ? undefined : resolve(raw);
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
        'is required with NODE_ENV=production: a PEM file of the document-signing or seal key, or CA',
      );
    }
    return raw === undefined ? undefined : resolve(raw);
  };
  return {
    keyPath: path('DAFTAR_SIGNING_KEY'),
    certPath: path('DAFTAR_SIGNING_CERT'),
    caCertPath: path('DAFTAR_CA_CERT'),
    sealKeyPath: path('DAFTAR_SEAL_KEY'),
    sealCertPath: path('DAFTAR_SEAL_CERT'),
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
  'OIDC_FEED_CLAIM',
  'OIDC_NATIONAL_ID_CLAIM',
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
      feedClaim: claimPath(env, 'OIDC_FEED_CLAIM', 'daftar_feed'),
      nationalIdClaim:
        nonEmpty(env, 'OIDC_NATIONAL_ID_CLAIM') === undefined
          ? undefined
          : claimPath(env, 'OIDC_NATIONAL_ID_CLAIM', ''),
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
