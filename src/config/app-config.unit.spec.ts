import { resolve } from 'node:path';
import { ConfigError, loadAppConfig } from './app-config.js';

const oidc = { OIDC_ISSUER_URL: 'https://idp.example/realms/daftar', OIDC_AUDIENCE: 'daftar-api' };
const signingFiles = {
  DAFTAR_SIGNING_KEY: '/etc/daftar/signing.key.pem',
  DAFTAR_SIGNING_CERT: '/etc/daftar/signing.pem',
  DAFTAR_CA_CERT: '/etc/daftar/ca.pem',
  DAFTAR_SEAL_KEY: '/etc/daftar/seal.key.pem',
  DAFTAR_SEAL_CERT: '/etc/daftar/seal.pem',
};
const production = {
  NODE_ENV: 'production',
  ...signingFiles,
  DAFTAR_CREDENTIALS_KEY: '/etc/daftar/credentials.keys',
  DAFTAR_LEDGER_KEY: '/etc/daftar/ledger.key',
  DAFTAR_IDENTITY_MATCH_URL: 'https://registry.example/match',
  DAFTAR_IDENTITY_MATCH_KEY: 'registry-key',
  DAFTAR_SMS_URL: 'https://api.kavenegar.com',
  DAFTAR_SMS_KEY: 'sms-key',
  DAFTAR_SMS_SENDER: '10004346',
  DAFTAR_SMTP_HOST: 'mail.example.ir',
  DAFTAR_MAIL_FROM: 'daftar@example.ir',
  DAFTAR_ZARINPAL_MERCHANT_ID: '1344b5d4-0048-11e8-94db-005056a205be',
};

describe('loadAppConfig', () => {
  it('defaults to the embedded store in ./data on port 3000', () => {
    const config = loadAppConfig({});
    expect(config).toMatchObject({
      dataDir: resolve('./data'),
      port: 3000,
      store: 'sqlite',
      publicUrl: 'http://localhost:3000',
      webhooksPerOwner: 10,
      feedStreamsPerKey: 3,
    });
    expect(loadAppConfig({ DAFTAR_WEBHOOKS_PER_OWNER: '3' }).webhooksPerOwner).toBe(3);
    expect(loadAppConfig({ DAFTAR_FEED_STREAMS_PER_KEY: '1' }).feedStreamsPerKey).toBe(1);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DAFTAR_STORE: 'postgres' }, 'DAFTAR_STORE'],
    [{ DAFTAR_STORE: 'eventstoredb' }, 'EVENTSTORE_CONNECTION_STRING'],
    [{ EVENTSTORE_CONNECTION_STRING: 'http://x' }, 'EVENTSTORE_CONNECTION_STRING'],
    [{ DAFTAR_PUBLIC_URL: 'not a url' }, 'DAFTAR_PUBLIC_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ DAFTAR_VERIFY_RATE_LIMIT: '0' }, 'DAFTAR_VERIFY_RATE_LIMIT'],
    [{ DAFTAR_GATEWAY_SECRET: 'too-short' }, 'DAFTAR_GATEWAY_SECRET'],
    [{ DAFTAR_DEMO_DATA: 'yes' }, 'DAFTAR_DEMO_DATA'],
    [{ ...production, DAFTAR_DEMO_DATA: 'true' }, 'DAFTAR_DEMO_DATA'],
    [{ ...production, DAFTAR_WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' }, 'DAFTAR_WEBHOOK_ALLOW_PRIVATE_TARGETS'],
    [{ DAFTAR_WEBHOOKS_PER_OWNER: '0' }, 'DAFTAR_WEBHOOKS_PER_OWNER'],
    [{ DAFTAR_FEED_STREAMS_PER_KEY: '0' }, 'DAFTAR_FEED_STREAMS_PER_KEY'],
    [{ ...production, DAFTAR_CREDENTIALS_KEY: ' ' }, 'DAFTAR_CREDENTIALS_KEY'],
    [{ ...production, DAFTAR_LEDGER_KEY: ' ' }, 'DAFTAR_LEDGER_KEY'],
    [
      { ...production, DAFTAR_IDENTITY_MATCH_URL: ' ', DAFTAR_IDENTITY_MATCH_KEY: ' ' },
      'DAFTAR_IDENTITY_MATCH_URL',
    ],
    [{ ...production, DAFTAR_SMS_URL: ' ', DAFTAR_SMS_KEY: ' ' }, 'DAFTAR_SMS_URL'],
    [{ DAFTAR_SMS_URL: 'https://api.kavenegar.com', DAFTAR_SMS_KEY: 'k' }, 'DAFTAR_SMS_SENDER'],
    [{ DAFTAR_IDENTITY_MATCH_URL: 'https://registry.example/match' }, 'DAFTAR_IDENTITY_MATCH_KEY'],
    [{ ...production, DAFTAR_SMTP_HOST: ' ' }, 'DAFTAR_SMTP_HOST'],
    [{ ...production, DAFTAR_SMTP_TLS: 'none' }, 'DAFTAR_SMTP_TLS'],
    [{ DAFTAR_IDENTITY_MATCH_KEY: 'k' }, 'DAFTAR_IDENTITY_MATCH_URL'],
    [{ DAFTAR_CONSENT_HOURS: '0' }, 'DAFTAR_CONSENT_HOURS'],
    [{ OIDC_ISSUER_URL: 'idp.example', OIDC_AUDIENCE: 'daftar-api' }, 'OIDC_ISSUER_URL'],
    [{ OIDC_ISSUER_URL: 'ftp://idp.example', OIDC_AUDIENCE: 'daftar-api' }, 'OIDC_ISSUER_URL'],
    [{ OIDC_ISSUER_URL: 'http://localhost:3000/', OIDC_AUDIENCE: 'daftar-api' }, 'OIDC_ISSUER_URL'],
    [{ OIDC_AUDIENCE: 'daftar-api' }, 'OIDC_ISSUER_URL'],
    [{ OIDC_ISSUER_URL: 'https://idp.example' }, 'OIDC_AUDIENCE'],
    [{ ...oidc, OIDC_JWKS_URL: '/certs' }, 'OIDC_JWKS_URL'],
    [{ ...oidc, OIDC_ROLES_CLAIM: 'realm_access..roles' }, 'OIDC_ROLES_CLAIM'],
    [{ ...oidc, OIDC_MUNICIPALITY_CLAIM: 'a b' }, 'OIDC_MUNICIPALITY_CLAIM'],
    [{ ...oidc, OIDC_ORGANISATION_CLAIM: '.org' }, 'OIDC_ORGANISATION_CLAIM'],
    [{ ...oidc, OIDC_ROLE_MAP: '{"municipal-clerk":' }, 'OIDC_ROLE_MAP'],
    [{ ...oidc, OIDC_ROLE_MAP: '["clerk"]' }, 'OIDC_ROLE_MAP'],
    [{ ...oidc, OIDC_ROLE_MAP: '{"municipal-clerk":"mayor"}' }, 'OIDC_ROLE_MAP'],
    [{ ...oidc, OIDC_ROLE_MAP: '{"municipal-clerk":["clerk"]}' }, 'OIDC_ROLE_MAP'],
  ])('refuses %p naming %s', (env, variable) => {
    expect(() => loadAppConfig(env)).toThrow(ConfigError);
    expect(() => loadAppConfig(env)).toThrow(new RegExp(variable));
  });

  it('accepts EventStoreDB with a connection string and trims the public URL', () => {
    const config = loadAppConfig({
      DAFTAR_STORE: 'eventstoredb',
      EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113?tls=false',
      DAFTAR_PUBLIC_URL: 'https://daftar.example/',
    });
    expect(config.store).toBe('eventstoredb');
    expect(config.publicUrl).toBe('https://daftar.example');
  });

  it('leaves external identity off unless OIDC_ISSUER_URL is set', () => {
    expect(loadAppConfig({}).oidc).toBeUndefined();
  });

  it('reads OpenID Connect settings with their defaults', () => {
    expect(loadAppConfig(oidc).oidc).toEqual({
      issuer: 'https://idp.example/realms/daftar',
      audience: 'daftar-api',
      jwksUrl: undefined,
      rolesClaim: 'roles',
      municipalityClaim: 'municipality',
      organisationClaim: 'organisation',
      feedClaim: 'daftar_feed',
      nationalIdClaim: undefined,
      roleMap: {},
    });
  });

  it('keeps the issuer verbatim and reads every OpenID Connect setting', () => {
    const config = loadAppConfig({
      OIDC_ISSUER_URL: 'https://tenant.idp.example/',
      OIDC_AUDIENCE: 'daftar-api',
      OIDC_JWKS_URL: 'https://tenant.idp.example/.well-known/jwks.json',
      OIDC_ROLES_CLAIM: 'realm_access.roles',
      OIDC_MUNICIPALITY_CLAIM: 'daftar_municipality',
      OIDC_ORGANISATION_CLAIM: 'org.id',
      OIDC_FEED_CLAIM: 'feed',
      OIDC_NATIONAL_ID_CLAIM: 'sso.nin',
      OIDC_ROLE_MAP: '{"municipal-clerk":"clerk","head-of-planning":"signatory"}',
    });
    expect(config.oidc).toEqual({
      issuer: 'https://tenant.idp.example/',
      audience: 'daftar-api',
      jwksUrl: 'https://tenant.idp.example/.well-known/jwks.json',
      rolesClaim: 'realm_access.roles',
      municipalityClaim: 'daftar_municipality',
      organisationClaim: 'org.id',
      feedClaim: 'feed',
      nationalIdClaim: 'sso.nin',
      roleMap: { 'municipal-clerk': 'clerk', 'head-of-planning': 'signatory' },
    });
  });
});

describe('demo data and the first admin', () => {
  it('uses the demo registry and SMS outbox outside production, the configured providers when given', () => {
    expect(loadAppConfig({})).toMatchObject({ identityMatch: undefined, sms: undefined, consentHours: 8 });
    expect(loadAppConfig(production)).toMatchObject({
      identityMatch: { url: 'https://registry.example/match', key: 'registry-key', timeoutMs: 5000 },
      sms: { url: 'https://api.kavenegar.com', key: 'sms-key', sender: '10004346' },
    });
  });

  it('seeds demo data by default outside production only', () => {
    expect(loadAppConfig({}).demoData).toBe(true);
    expect(loadAppConfig({ DAFTAR_DEMO_DATA: 'false' }).demoData).toBe(false);
    expect(loadAppConfig(production)).toMatchObject({ production: true, demoData: false });
  });

  it('reads the first admin password', () => {
    expect(loadAppConfig({ ...production, DAFTAR_ADMIN_PASSWORD: 'first-admin-secret' }).adminPassword).toBe(
      'first-admin-secret',
    );
  });
});

describe('the mail server', () => {
  const mail = { DAFTAR_SMTP_HOST: 'mail.example.ir', DAFTAR_MAIL_FROM: 'daftar@example.ir' };

  it('uses the demo outbox when no host is set, in production the configured server', () => {
    expect(loadAppConfig({}).mail).toBeUndefined();
    expect(loadAppConfig(production).mail?.host).toBe('mail.example.ir');
  });

  it('defaults to STARTTLS on the submission port, without authentication', () => {
    expect(loadAppConfig(mail).mail).toEqual({
      host: 'mail.example.ir',
      port: 587,
      tls: 'starttls',
      auth: undefined,
      from: { name: '', address: 'daftar@example.ir' },
      timeoutMs: 10_000,
      caPath: undefined,
    });
  });

  it('reads every setting, and implicit TLS defaults to port 465', () => {
    const config = loadAppConfig({
      ...mail,
      DAFTAR_SMTP_TLS: 'implicit',
      DAFTAR_SMTP_USER: 'daftar',
      DAFTAR_SMTP_PASSWORD: 'mail-secret',
      DAFTAR_MAIL_FROM: 'شهرداری نمونه <no-reply@example.ir>',
      DAFTAR_SMTP_TIMEOUT_MS: '2500',
      DAFTAR_SMTP_CA: 'secrets/mail-ca.pem',
    });
    expect(config.mail).toEqual({
      host: 'mail.example.ir',
      port: 465,
      tls: 'implicit',
      auth: { user: 'daftar', password: 'mail-secret' },
      from: { name: 'شهرداری نمونه', address: 'no-reply@example.ir' },
      timeoutMs: 2500,
      caPath: resolve('secrets/mail-ca.pem'),
    });
    expect(loadAppConfig({ ...mail, DAFTAR_SMTP_PORT: '2525', DAFTAR_SMTP_TLS: 'none' }).mail).toMatchObject({
      port: 2525,
      tls: 'none',
    });
    expect(loadAppConfig({ ...mail, DAFTAR_SMTP_HOST: '10.0.0.25' }).mail?.host).toBe('10.0.0.25');
  });

  it.each([
    [{ DAFTAR_MAIL_FROM: 'daftar@example.ir' }, 'DAFTAR_SMTP_HOST: is required when DAFTAR_MAIL_FROM'],
    [{ DAFTAR_SMTP_PASSWORD: 'p' }, 'DAFTAR_SMTP_HOST: is required when DAFTAR_SMTP_PASSWORD'],
    [{ DAFTAR_SMTP_HOST: 'mail.example.ir' }, 'DAFTAR_MAIL_FROM: is required'],
    [{ ...mail, DAFTAR_SMTP_HOST: 'smtp://mail.example.ir' }, 'DAFTAR_SMTP_HOST: must be'],
    [{ ...mail, DAFTAR_SMTP_PORT: '0' }, 'DAFTAR_SMTP_PORT'],
    [{ ...mail, DAFTAR_SMTP_TLS: 'ssl' }, 'DAFTAR_SMTP_TLS'],
    [{ ...mail, DAFTAR_SMTP_USER: 'daftar' }, 'DAFTAR_SMTP_PASSWORD: is required when DAFTAR_SMTP_USER'],
    [{ ...mail, DAFTAR_SMTP_PASSWORD: 'p' }, 'DAFTAR_SMTP_USER: is required when DAFTAR_SMTP_PASSWORD'],
    [{ ...mail, DAFTAR_MAIL_FROM: 'daftar' }, 'DAFTAR_MAIL_FROM: must be'],
    [{ ...mail, DAFTAR_MAIL_FROM: 'Daftar <daftar@example.ir' }, 'DAFTAR_MAIL_FROM: must be'],
    [{ ...mail, DAFTAR_MAIL_FROM: '"Daftar" <daftar@example.ir>' }, 'DAFTAR_MAIL_FROM: must be'],
    [{ ...mail, DAFTAR_SMTP_TIMEOUT_MS: '50' }, 'DAFTAR_SMTP_TIMEOUT_MS'],
  ])('refuses %p naming %s', (env, message) => {
    expect(() => loadAppConfig(env)).toThrow(ConfigError);
    expect(() => loadAppConfig(env)).toThrow(message);
  });

  it('never puts the password in a refusal', () => {
    expect(() => loadAppConfig({ DAFTAR_SMTP_PASSWORD: 'mail-secret' })).not.toThrow(/mail-secret/);
  });
});

describe('document signing keys', () => {
  it('leaves the key files unset outside production, for demo keys', () => {
    expect(loadAppConfig({}).signing).toEqual({
      keyPath: undefined,
      certPath: undefined,
      caCertPath: undefined,
      sealKeyPath: undefined,
      sealCertPath: undefined,
      extraCertPaths: [],
    });
  });

  it('reads the key, certificate, CA and older certificates as absolute paths', () => {
    const config = loadAppConfig({
      ...production,
      DAFTAR_SIGNING_KEY: 'keys/signing.key.pem',
      DAFTAR_SIGNING_EXTRA_CERTS: ' /etc/daftar/2024.pem, keys/2025.pem ,',
    });
    expect(config.signing).toEqual({
      keyPath: resolve('keys/signing.key.pem'),
      certPath: '/etc/daftar/signing.pem',
      caCertPath: '/etc/daftar/ca.pem',
      sealKeyPath: '/etc/daftar/seal.key.pem',
      sealCertPath: '/etc/daftar/seal.pem',
      extraCertPaths: ['/etc/daftar/2024.pem', resolve('keys/2025.pem')],
    });
  });

  it.each(Object.keys(signingFiles))('requires %s in production', (variable) => {
    const env = { ...production, [variable]: ' ' };
    expect(() => loadAppConfig(env)).toThrow(ConfigError);
    expect(() => loadAppConfig(env)).toThrow(new RegExp(`${variable}: is required with NODE_ENV=production`));
  });
});

describe('client addresses and blobs', () => {
  it('trusts no proxy and keeps unused blobs a day by default', () => {
    expect(loadAppConfig({})).toMatchObject({ trustedProxies: [], blobGraceHours: 24 });
  });

  it('reads trusted proxies as addresses and CIDR ranges of either family', () => {
    const config = loadAppConfig({ DAFTAR_TRUSTED_PROXIES: ' 127.0.0.1, 10.0.0.0/8,fd00::/8 ,::1,' });
    expect(config.trustedProxies).toEqual(['127.0.0.1', '10.0.0.0/8', 'fd00::/8', '::1']);
  });

  it.each([
    '10.0.0.0/33',
    'fd00::/129',
    'proxy.internal',
    '10.0.0.0/8/8',
    '10.0.0/8',
    '10.0.0.0/',
    '1.2.3.4/-1',
  ])('refuses the trusted proxy %p naming DAFTAR_TRUSTED_PROXIES', (entry) => {
    const env = { DAFTAR_TRUSTED_PROXIES: `127.0.0.1,${entry}` };
    expect(() => loadAppConfig(env)).toThrow(ConfigError);
    expect(() => loadAppConfig(env)).toThrow(/DAFTAR_TRUSTED_PROXIES.*must list IP addresses or CIDR ranges/);
  });

  it('refuses a blob grace period under an hour, naming DAFTAR_BLOB_GRACE_HOURS', () => {
    expect(() => loadAppConfig({ DAFTAR_BLOB_GRACE_HOURS: '0' })).toThrow(/DAFTAR_BLOB_GRACE_HOURS/);
  });
});

describe('working hours of the after-hours report', () => {
  it('defaults to Saturday to Wednesday 07:00–14:30 and Thursday 07:00–12:30', () => {
    expect(loadAppConfig({}).workingHours).toMatchObject({
      sat: { from: 420, to: 870 },
      thu: { from: 420, to: 750 },
    });
    expect(loadAppConfig({ DAFTAR_WORKING_HOURS: 'sun 08:00-16:00' }).workingHours).toEqual({
      sun: { from: 480, to: 960 },
    });
  });

  it('refuses a malformed schedule, naming DAFTAR_WORKING_HOURS', () => {
    expect(() => loadAppConfig({ DAFTAR_WORKING_HOURS: 'sat-wed 7-14' })).toThrow(ConfigError);
    expect(() => loadAppConfig({ DAFTAR_WORKING_HOURS: 'wed-sat 07:00-14:30' })).toThrow(
      /DAFTAR_WORKING_HOURS/,
    );
  });
});

describe('the access log’s name policy', () => {
  it('names officials by role and office unless DAFTAR_ACCESS_LOG_NAMES=name', () => {
    expect(loadAppConfig({}).accessLogNames).toBe('role');
    expect(loadAppConfig({ DAFTAR_ACCESS_LOG_NAMES: 'name' }).accessLogNames).toBe('name');
    expect(loadAppConfig({ DAFTAR_ACCESS_LOG_NAMES: 'role' }).accessLogNames).toBe('role');
  });

  it.each(['names', 'Name', 'true', 'role,name'])('refuses %p, naming DAFTAR_ACCESS_LOG_NAMES', (value) => {
    expect(() => loadAppConfig({ DAFTAR_ACCESS_LOG_NAMES: value })).toThrow(ConfigError);
    expect(() => loadAppConfig({ DAFTAR_ACCESS_LOG_NAMES: value })).toThrow(
      /DAFTAR_ACCESS_LOG_NAMES: must be one of role, name/,
    );
  });
});

describe('the payment gateway', () => {
  const merchant = { DAFTAR_ZARINPAL_MERCHANT_ID: '1344b5d4-0048-11e8-94db-005056a205be' };

  it('uses the sandbox in demo mode and Zarinpal in production, with its real URLs by default', () => {
    expect(loadAppConfig({}).paymentGateway).toEqual({ kind: 'sandbox' });
    expect(loadAppConfig(production).paymentGateway).toEqual({
      kind: 'zarinpal',
      ...{ merchantId: merchant.DAFTAR_ZARINPAL_MERCHANT_ID, accessToken: undefined, timeoutMs: 10_000 },
      url: 'https://payment.zarinpal.com',
      refundUrl: 'https://next.zarinpal.com/api/v4/graphql',
    });
    expect(loadAppConfig({}).paymentIntentMinutes).toBe(30);
  });

  it('needs no callback secret in production: only the sandbox signs callbacks, and production refuses it', () => {
    expect(loadAppConfig(production).gatewaySecret).toBeUndefined();
    const secret = 'g'.repeat(32);
    expect(loadAppConfig({ DAFTAR_GATEWAY_SECRET: secret }).gatewaySecret).toBe(secret);
  });

  it.each([
    [{ ...production, DAFTAR_PAYMENT_GATEWAY: 'sandbox' }, 'DAFTAR_PAYMENT_GATEWAY: cannot be sandbox'],
    [{ DAFTAR_PAYMENT_GATEWAY: 'mellat' }, 'DAFTAR_PAYMENT_GATEWAY: must be one of'],
    [{ DAFTAR_PAYMENT_GATEWAY: 'zarinpal' }, 'DAFTAR_ZARINPAL_MERCHANT_ID: is required'],
    [{ ...production, DAFTAR_ZARINPAL_MERCHANT_ID: 'not-36-characters' }, 'DAFTAR_ZARINPAL_MERCHANT_ID'],
    [
      { ...production, DAFTAR_ZARINPAL_MERCHANT_ID: '00000000-0000-0000-0000-000000000000' },
      'DAFTAR_ZARINPAL_MERCHANT_ID',
    ],
    [{ ...production, DAFTAR_ZARINPAL_URL: 'ftp://zarinpal' }, 'DAFTAR_ZARINPAL_URL'],
    // An authority lives 15 minutes: an intent must outlive it.
    [{ DAFTAR_PAYMENT_INTENT_MINUTES: '15' }, 'DAFTAR_PAYMENT_INTENT_MINUTES'],
  ])('refuses %p', (env, message) => {
    expect(() => loadAppConfig(env)).toThrow(ConfigError);
    expect(() => loadAppConfig(env)).toThrow(message);
  });
});
