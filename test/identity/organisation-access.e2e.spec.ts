import { bootstrapAdmin, signedInUser } from '../support/bootstrap-admin.js';
import { registerAll } from '../support/directory.js';
import { call } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('what organisations and their keys may do', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await bootstrapAdmin(t.app);
    await registerAll(t.app, admin, {
      organisations: [
        { id: 'counter-office-9', kind: 'counter_office', name: 'Counter office 9' },
        { id: 'bank-to-close', kind: 'bank', name: 'Bank to close' },
      ],
    });
  });
  afterAll(() => t.close());

  const issueKey = async (organisation: string, permissions: string[]) =>
    (
      await call(t.app, 'POST', '/api-keys', {
        token: admin,
        body: { organisation, label: 'software', permissions },
      })
    ).json().key as string;

  it('denies API keys by default on role endpoints that name no permission', async () => {
    const key = await issueKey('counter-office-9', ['feed:read']);
    const res = await call(t.app, 'GET', '/parcels/1-1-1-1-0-0-0/debts', { apiKey: key });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('AUTH.MISSING_PERMISSION');
  });

  it('lets only a person at a counter office act for a citizen, never its machine key', async () => {
    const key = await issueKey('counter-office-9', ['feed:read']);
    const byKey = await call(t.app, 'GET', '/parcels/1-1-1-1-0-0-0', {
      apiKey: key,
      headers: { 'x-on-behalf-of': '0013542419' },
    });
    expect(byKey.statusCode).toBe(403);
    expect(byKey.json().code).toBe('AUTH.ON_BEHALF_NOT_ALLOWED');
  });

  it('cuts off a deactivated organisation at once: its keys answer 401, its people lose the role', async () => {
    const key = await issueKey('bank-to-close', ['inquiries:read']);
    const officer = await signedInUser(t.app, 'bank-officer', [
      { role: 'bank', organisation: 'bank-to-close' },
    ]);
    expect((await call(t.app, 'GET', '/me', { apiKey: key })).statusCode).toBe(200);
    expect((await call(t.app, 'GET', '/me', { token: officer.token })).json().grants).toEqual([
      { role: 'bank', organisation: 'bank-to-close' },
    ]);
    await call(t.app, 'POST', '/organisations/bank-to-close/deactivate', {
      token: admin,
      body: { reason: 'licence withdrawn' },
    });
    const keyAfter = await call(t.app, 'GET', '/me', { apiKey: key });
    expect(keyAfter.statusCode).toBe(401);
    expect(keyAfter.json().code).toBe('AUTH.INVALID_API_KEY');
    expect((await call(t.app, 'GET', '/me', { token: officer.token })).json().grants).toEqual([]);
  });
});
