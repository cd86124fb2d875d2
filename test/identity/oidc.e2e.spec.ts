import { Controller, Get, Logger, Module } from '@nestjs/common';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Roles } from '../../src/identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../src/identity/auth/caller.decorator.js';
import { bootstrapAdmin } from '../support/bootstrap-admin.js';
import { registeredCitizen } from '../support/citizens.js';
import { hamedan, registerAll } from '../support/directory.js';
import { call } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** An endpoint only clerks may call, to see the roles an external token carries at work. */
@Controller('test-oidc')
class ClerkOnlyHttpController {
  @Get('clerk-only')
  @Roles(['clerk'])
  clerkOnly() {
    return { ok: true };
  }

  /** How a signatory stands to a record of Hamedan: staff may sign there, anyone else not. */
  @Get('signatory-in-hamedan')
  @Roles(['signatory'])
  signatoryInHamedan(@CurrentCaller() caller: Caller) {
    return { access: caller.accessTo({ municipality: 'hamedan' }) };
  }
}
@Module({ controllers: [ClerkOnlyHttpController] })
class ClerkOnlyTestModule {}

/** A tiny identity provider: a discovery document and a JWKS, counting the requests it serves. */
async function startIdentityProvider(publicJwk: JWK) {
  const hits = { discovery: 0, jwks: 0 };
  let issuer = '';
  const server: Server = createServer((request, response) => {
    const send = (body: unknown) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.url === '/.well-known/openid-configuration') {
      hits.discovery += 1;
      send({ issuer, jwks_uri: `${issuer}/jwks.json`, id_token_signing_alg_values_supported: ['ES256'] });
    } else if (request.url === '/jwks.json') {
      hits.jwks += 1;
      send({ keys: [publicJwk] });
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    hits,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

/** A port nothing listens on: bound, read, and closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const AUDIENCE = 'daftar-api';
const now = () => Math.floor(Date.now() / 1000);

describe('external identity (OpenID Connect)', () => {
  let idp: Awaited<ReturnType<typeof startIdentityProvider>>;
  let key: CryptoKey;
  let otherKey: CryptoKey;
  let t: TestApp;

  const token = (
    claims: Record<string, unknown>,
    options: { iss?: string; aud?: string; exp?: number; key?: CryptoKey; kid?: string } = {},
  ) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: options.kid ?? 'idp-key-1', typ: 'JWT' })
      .setIssuer(options.iss ?? idp.issuer)
      .setAudience(options.aud ?? AUDIENCE)
      .setSubject('5c0d1e7a-clerk')
      .setIssuedAt(now() - 60)
      .setExpirationTime(options.exp ?? now() + 300)
      .sign(options.key ?? key);

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    key = pair.privateKey;
    otherKey = (await generateKeyPair('ES256')).privateKey;
    idp = await startIdentityProvider({
      ...(await exportJWK(pair.publicKey)),
      kid: 'idp-key-1',
      alg: 'ES256',
      use: 'sig',
    });
    t = await startTestApp({
      env: {
        OIDC_ISSUER_URL: idp.issuer,
        OIDC_AUDIENCE: AUDIENCE,
        OIDC_ROLE_MAP: '{"municipal-clerk":"clerk"}',
      },
      extraModules: [ClerkOnlyTestModule],
    });
    await registerAll(t.app, await bootstrapAdmin(t.app), {
      municipalities: [hamedan, { code: 'malayer', name: 'Malayer', nameFa: 'ملایر', regions: [] }],
      organisations: [
        { id: 'notary-12', kind: 'notary_office', name: 'Notary office 12', officeNumber: '12' },
        { id: 'engineers-1', kind: 'engineering_org', name: 'Engineers 1' },
      ],
    });
  });
  afterAll(async () => {
    await t.close();
    await idp.close();
  });

  it('accepts a token of the issuer, mapping its roles and municipality to grants', async () => {
    const bearer = await token({
      roles: ['municipal-clerk', 'coffee-maker'],
      municipality: 'hamedan',
      name: 'Sara Karimi',
      preferred_username: 'skarimi',
    });
    const me = await call(t.app, 'GET', '/me', { token: bearer });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({
      kind: 'user',
      id: 'oidc:5c0d1e7a-clerk',
      displayName: 'Sara Karimi',
      username: 'skarimi',
      authenticatedBy: 'oidc',
      grants: [{ role: 'clerk', municipality: 'hamedan' }],
    });
    const work = await call(t.app, 'GET', '/test-oidc/clerk-only', { token: bearer });
    expect(work.statusCode).toBe(200);
  });

  it('lets a token without a usable role sign in, but not into role-guarded endpoints', async () => {
    const bearer = await token({ roles: ['municipal-clerk'] }); // clerk, but no municipality claim
    const me = await call(t.app, 'GET', '/me', { token: bearer });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: 'oidc:5c0d1e7a-clerk', displayName: '5c0d1e7a-clerk', grants: [] });
    const work = await call(t.app, 'GET', '/test-oidc/clerk-only', { token: bearer });
    expect(work.statusCode).toBe(403);
    expect(work.json().code).toBe('AUTH.FORBIDDEN');
  });

  it('keeps only the grants whose scope the directory knows and fits the role', async () => {
    const bearer = await token({
      roles: [
        'municipal-clerk@hamedan',
        'signatory@atlantis',
        'notary@notary-12',
        'notary@engineers-1',
        'bank@no-such-bank',
        'citizen',
      ],
    });
    const me = await call(t.app, 'GET', '/me', { token: bearer });
    expect(me.statusCode).toBe(200);
    expect(me.json().grants).toEqual([
      { role: 'clerk', municipality: 'hamedan' },
      { role: 'notary', organisation: 'notary-12' },
      { role: 'citizen' },
    ]);
  });

  it('lets a clerk of Hamedan who is a signatory of Malayer sign in Malayer only', async () => {
    const scoped = await token({ roles: ['clerk@hamedan', 'signatory@malayer'] });
    const me = await call(t.app, 'GET', '/me', { token: scoped });
    expect(me.json().grants).toEqual([
      { role: 'clerk', municipality: 'hamedan' },
      { role: 'signatory', municipality: 'malayer' },
    ]);
    const here = await call(t.app, 'GET', '/test-oidc/signatory-in-hamedan', { token: scoped });
    expect(here.json()).toEqual({ access: 'none' });
    // Roles and municipalities in separate lists are never paired up.
    const unpaired = await token({ roles: ['clerk', 'signatory'], municipality: ['hamedan', 'malayer'] });
    expect((await call(t.app, 'GET', '/me', { token: unpaired })).json().grants).toEqual([]);
    const refused = await call(t.app, 'GET', '/test-oidc/signatory-in-hamedan', { token: unpaired });
    expect(refused.statusCode).toBe(403);
  });

  it.each([
    ['for another audience', () => token({ roles: ['clerk'] }, { aud: 'another-api' })],
    [
      'signed by a key not in the JWKS',
      () => token({ roles: ['clerk'] }, { key: otherKey, kid: 'stranger' }),
    ],
    ['signed by another key under the JWKS key id', () => token({ roles: ['clerk'] }, { key: otherKey })],
    ['claiming another issuer', () => token({ roles: ['clerk'] }, { iss: 'https://impostor.example' })],
    ['with a tampered payload', async () => tamper(await token({ roles: ['clerk'] }))],
  ])('refuses a token %s with 401 AUTH.INVALID_TOKEN', async (_, make) => {
    const res = await call(t.app, 'GET', '/me', { token: await make() });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('AUTH.INVALID_TOKEN');
  });

  it('refuses an expired token with 401 AUTH.TOKEN_EXPIRED (beyond the 30 s clock tolerance)', async () => {
    const res = await call(t.app, 'GET', '/me', { token: await token({}, { exp: now() - 120 }) });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('AUTH.TOKEN_EXPIRED');
  });

  it('keeps Daftar password tokens working alongside', async () => {
    const me = await call(t.app, 'GET', '/me', {
      token: await registeredCitizen(t.app, '0790419904', 'علی محمدی'),
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      username: '0790419904',
      authenticatedBy: 'password_token',
      grants: [{ role: 'citizen' }],
    });
  });

  it('discovers the issuer once and fetches its JWKS once for every token', async () => {
    const signIn = async (username: string) => {
      const bearer = await token({ roles: ['clerk'], municipality: 'hamedan', preferred_username: username });
      expect((await call(t.app, 'GET', '/me', { token: bearer })).statusCode).toBe(200);
    };
    await signIn('once-1');
    // Whatever ran before (a key id not in the set may fetch it again), other users' tokens fetch nothing.
    const after = { ...idp.hits };
    await signIn('once-2');
    await signIn('once-3');
    expect(idp.hits).toEqual(after);
    expect(after.discovery).toBe(1);
  });

  describe('with the identity provider down', () => {
    let warn: jest.SpyInstance;
    beforeEach(() => {
      warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    });
    afterEach(() => warn.mockRestore());

    it.each([
      ['its discovery document', (port: number) => ({ OIDC_ISSUER_URL: `http://127.0.0.1:${port}` })],
      [
        'its JWKS',
        (port: number) => ({
          OIDC_ISSUER_URL: 'https://idp.invalid',
          OIDC_JWKS_URL: `http://127.0.0.1:${port}/jwks.json`,
        }),
      ],
    ])('answers 401 when %s cannot be fetched, and warns the operators', async (what, env) => {
      const down = env(await closedPort());
      const app = await startTestApp({ env: { ...down, OIDC_AUDIENCE: AUDIENCE } });
      try {
        const bearer = await token(
          { roles: ['clerk'], municipality: 'hamedan' },
          { iss: down.OIDC_ISSUER_URL },
        );
        for (let attempt = 0; attempt < 2; attempt += 1) {
          const res = await call(app.app, 'GET', '/me', { token: bearer });
          expect(res.statusCode).toBe(401);
          expect(res.json().code).toBe('AUTH.INVALID_TOKEN');
        }
        expect(warn).toHaveBeenCalledWith(
          expect.stringMatching(what === 'its JWKS' ? /JWKS of/ : /discover/),
        );
      } finally {
        await app.close();
      }
    });
  });
});

/** The same token with its payload changed and the signature kept. */
function tamper(jwt: string): string {
  const [header, payload, signature] = jwt.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  const forged = Buffer.from(JSON.stringify({ ...claims, roles: ['admin'] })).toString('base64url');
  return `${header}.${forged}.${signature}`;
}
