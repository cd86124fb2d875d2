import { createHash } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { API_KEY_FORMAT } from '../../src/identity/api-keys/api-key.events.js';
import { bootstrapAdmin, signedInUser } from '../support/bootstrap-admin.js';
import { registerAll } from '../support/directory.js';
import { call } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const officeSoftware = {
  organisation: 'notary-12-hamedan',
  label: 'office software',
  permissions: ['inquiries:file'],
};

describe('API keys: issued once to an organisation, authenticate its software, revocable', () => {
  let t: TestApp;
  let admin: string;
  let citizen: string;
  /** A key that no test revokes. */
  let issued: { keyId: string; key: string };
  const issue = async (body: object): Promise<{ keyId: string; key: string }> => {
    const res = await call(t.app, 'POST', '/api-keys', { token: admin, body });
    if (res.statusCode !== 201) throw new Error(`POST /api-keys failed: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  beforeAll(async () => {
    t = await startTestApp();
    admin = await bootstrapAdmin(t.app);
    citizen = (await signedInUser(t.app, 'citizen-1', [{ role: 'citizen' }])).token;
    await registerAll(t.app, admin, {
      organisations: [
        { id: 'notary-12-hamedan', kind: 'notary_office', name: 'Notary 12', officeNumber: '12' },
        { id: 'bank-melli', kind: 'bank', name: 'Bank Melli' },
        { id: 'engineering-org', kind: 'engineering_org', name: 'Engineering organisation' },
        { id: 'bank-closed', kind: 'bank', name: 'Closed bank' },
      ],
    });
    await call(t.app, 'POST', '/organisations/bank-closed/deactivate', {
      token: admin,
      body: { reason: 'closed' },
    });
    issued = await issue(officeSoftware);
  });
  afterAll(() => t.close());

  it('issues a key in the role of its organisation, storing only the digest of its secret', async () => {
    const res = await call(t.app, 'POST', '/api-keys', { token: admin, body: officeSoftware });
    expect(res.statusCode).toBe(201);
    const issued = res.json();
    expect(res.json()).toEqual({
      keyId: expect.stringMatching(/^[0-9a-f]{16}$/),
      key: expect.stringMatching(API_KEY_FORMAT),
      ...officeSoftware,
      role: 'notary',
      revoked: false,
      issuedAt: expect.any(String),
      issuedBy: expect.any(String),
      revokedAt: null,
      revokedReason: null,
    });
    const [, keyId, secret] = API_KEY_FORMAT.exec(issued.key)!;
    expect(keyId).toBe(issued.keyId);

    const [event] = await t.app.get<EventStore>(EVENT_STORE).readStream(`apikey-${keyId}`);
    expect(event!.data).toMatchObject({
      keyId,
      role: 'notary',
      secretSha256: createHash('sha256').update(secret!).digest('hex'),
    });
    expect(JSON.stringify([event!.data, event!.metadata])).not.toContain(secret);
  });

  it('authenticates as the organisation at /me', async () => {
    const me = await call(t.app, 'GET', '/me', { apiKey: issued.key });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({
      kind: 'api_key',
      id: `apikey-${issued.keyId}`,
      displayName: 'office software',
      grants: [{ role: 'notary', organisation: 'notary-12-hamedan' }],
      permissions: ['inquiries:file'],
      authenticatedBy: 'api_key',
    });
  });

  it('does not let a key manage keys', async () => {
    const res = await call(t.app, 'GET', '/api-keys', { apiKey: issued.key });
    expect([res.statusCode, res.json().code]).toEqual([403, 'AUTH.FORBIDDEN']);
  });

  it('lists keys by organisation without their secrets', async () => {
    // Other tests issue keys too: this one adds one to those.
    const before = (await call(t.app, 'GET', '/api-keys', { token: admin })).json().total;
    await call(t.app, 'POST', '/api-keys', {
      token: admin,
      body: {
        organisation: 'bank-melli',
        label: 'core banking',
        permissions: ['inquiries:file', 'inquiries:read'],
      },
    });
    const all = await call(t.app, 'GET', '/api-keys', { token: admin });
    expect(all.json()).toMatchObject({ total: before + 1, page: 1, pageSize: 20 });
    const bank = await call(t.app, 'GET', '/api-keys?organisation=bank-melli', { token: admin });
    expect(bank.json().items).toEqual([expect.objectContaining({ role: 'bank', label: 'core banking' })]);
    expect(all.body).not.toContain('secretSha256');
    expect(all.body).not.toContain(issued.key.slice(20));
  });

  it.each([
    ['an unknown permission', 400, 'API_KEY.UNKNOWN_PERMISSION', { permissions: ['inquiries:delete'] }],
    ['no permissions', 400, 'REQUEST.INVALID', { permissions: [] }],
    [
      'an organisation whose kind gets no keys',
      400,
      'API_KEY.ORGANISATION_KIND_NOT_ALLOWED',
      { organisation: 'engineering-org' },
    ],
    ['an unknown organisation', 404, 'ORGANISATION.NOT_FOUND', { organisation: 'bank-nowhere' }],
    ['a deactivated organisation', 409, 'ORGANISATION.DEACTIVATED', { organisation: 'bank-closed' }],
    ['an unknown field', 400, 'REQUEST.UNKNOWN_FIELD', { role: 'admin' }],
  ])('refuses a key for %s: %i %s', async (_, status, code, change) => {
    const res = await call(t.app, 'POST', '/api-keys', {
      token: admin,
      body: { organisation: 'bank-melli', label: 'refused', permissions: ['feed:read'], ...change },
    });
    expect([res.statusCode, res.json().code]).toEqual([status, code]);
  });

  it('revokes a key, which is refused at once', async () => {
    const issued = await issue({ ...officeSoftware, label: 'replaced software' });
    const res = await call(t.app, 'POST', `/api-keys/${issued.keyId}/revoke`, {
      token: admin,
      body: { reason: 'software replaced' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ revoked: true, revokedReason: 'software replaced' });
    expect(res.body).not.toContain('secretSha256');
    const me = await call(t.app, 'GET', '/me', { apiKey: issued.key });
    expect([me.statusCode, me.json().code]).toEqual([401, 'AUTH.INVALID_API_KEY']);
  });

  it('answers 404 for revoking an unknown key and 400 without a reason', async () => {
    const unknown = await call(t.app, 'POST', '/api-keys/0123456789abcdef/revoke', {
      token: admin,
      body: { reason: 'gone' },
    });
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'API_KEY.NOT_FOUND']);
    const noReason = await call(t.app, 'POST', `/api-keys/${issued.keyId}/revoke`, {
      token: admin,
      body: {},
    });
    expect([noReason.statusCode, noReason.json().code]).toEqual([400, 'REQUEST.INVALID']);
  });

  it.each([
    ['POST', '/api-keys', { organisation: 'bank-melli', label: 'sneaky', permissions: ['feed:read'] }],
    ['GET', '/api-keys', undefined],
    ['POST', '/api-keys/0123456789abcdef/revoke', { reason: 'no way' }],
  ] as const)('lets only admins %s %s: 403 for a citizen, 401 for anonymous', async (method, url, body) => {
    const forbidden = await call(t.app, method, url, { token: citizen, body });
    expect([forbidden.statusCode, forbidden.json().code]).toEqual([403, 'AUTH.FORBIDDEN']);
    const anonymous = await call(t.app, method, url, { body });
    expect([anonymous.statusCode, anonymous.json().code]).toEqual([401, 'AUTH.UNAUTHENTICATED']);
  });
});
