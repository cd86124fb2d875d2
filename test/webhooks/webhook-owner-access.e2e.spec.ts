import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_PASSWORD } from '../../src/identity/demo/demo-data.js';
import { WebhooksReadModel } from '../../src/webhooks/webhooks.read-model.js';
import { call, signIn } from '../support/http.js';
import { startTestApp, untilReady, type TestApp } from '../support/test-app.js';
import { municipality, until } from './webhook-test-kit.js';

interface Delivered {
  readonly path: string;
  readonly type: string;
  readonly code: string;
}

/** Deliveries follow the owner's access as it stands, not the copy taken when the webhook was registered. */
describe('webhooks follow their owner’s current access', () => {
  let t: TestApp;
  let server: Server;
  let base: string;
  const delivered: Delivered[] = [];
  const token: Record<string, string> = {};

  const admin = async (method: 'POST', url: string, body: object) => {
    const res = await call(t.app, method, url, { token: token['admin']!, body });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json() as Record<string, unknown>;
  };
  const register = async (auth: { token: string } | { apiKey: string }, path: string, body: object = {}) => {
    const res = await call(t.app, 'POST', '/webhooks', { ...auth, body: { url: `${base}${path}`, ...body } });
    expect(res.statusCode).toBe(201);
    return (res.json() as { id: string }).id;
  };
  const deliveredTo = (path: string, code: string) =>
    delivered.find((d) => d.path === path && d.code === code) ? true : undefined;
  const disabled = (webhookId: string) => {
    const view = t.app.get(WebhooksReadModel).get(webhookId);
    return view?.status === 'disabled' ? view : undefined;
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const event = JSON.parse(body) as { type: string; data: { code?: string; id?: string } };
        const path = req.url ?? '';
        delivered.push({ path, type: event.type, code: event.data.code ?? event.data.id ?? '' });
        res.writeHead(path === '/gone' ? 410 : 204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    t = await startTestApp({ env: { DAFTAR_DEMO_DATA: 'true' } });
    await untilReady(t.app, 90_000);
    for (const role of ['admin', 'integrator']) token[role] = await signIn(t.app, role, DEMO_PASSWORD);
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('stops delivering and disables the webhook once its owner’s API key is revoked', async () => {
    const issued = await admin('POST', '/api-keys', {
      organisation: 'registry-integrator',
      label: 'feed by webhook',
      permissions: ['feed:read'],
    });
    const webhookId = await register({ apiKey: issued['key'] as string }, '/key', {
      categories: ['municipality'],
    });
    // A control whose owner keeps access: once it has the last event, the revoked one had its chance.
    const kept = await admin('POST', '/api-keys', {
      organisation: 'registry-integrator',
      label: 'feed by webhook, kept',
      permissions: ['feed:read'],
    });
    await register({ apiKey: kept['key'] as string }, '/kept', { categories: ['municipality'] });
    await admin('POST', '/municipalities', municipality('before-revoke'));
    await until('the delivery before the revocation', () => deliveredTo('/key', 'before-revoke'));
    await admin('POST', `/api-keys/${issued['keyId'] as string}/revoke`, { reason: 'leaked' });
    await admin('POST', '/municipalities', municipality('after-revoke'));
    const view = await until('the webhook disabled', () => disabled(webhookId));
    expect(view.disabledReason).toMatch(/owner’s access was revoked/);
    await admin('POST', '/municipalities', municipality('later-still'));
    await until('the control’s delivery of the last event', () => deliveredTo('/kept', 'later-still'));
    expect(delivered.filter((d) => d.path === '/key').map((d) => d.code)).toEqual(['before-revoke']);
  }, 30_000);

  it('refuses granting the integrator grant again with another feed scope, which would change nothing', async () => {
    const { id: userId } = (await call(t.app, 'GET', '/me', { token: token['integrator']! })).json() as {
      id: string;
    };
    const res = await call(t.app, 'POST', `/users/${userId}/roles`, {
      token: token['admin']!,
      body: {
        role: 'integrator',
        organisation: 'registry-integrator',
        feed: { categories: ['organisation'] },
      },
    });
    expect([res.statusCode, (res.json() as { code: string }).code]).toEqual([
      409,
      'USER.GRANT_SCOPE_DIFFERS',
    ]);
  });

  it('delivers only what the owner’s narrowed grant still allows', async () => {
    // An integrator of its own: the demo integrator's grant stays as the other tests expect it.
    const created = await admin('POST', '/users', {
      username: 'narrowed-integrator',
      displayName: 'Integrator to be narrowed',
      password: 'integrator-password-1',
      grants: [{ role: 'integrator', organisation: 'registry-integrator' }],
    });
    const userId = created['userId'] as string;
    const narrowed = await signIn(t.app, 'narrowed-integrator', 'integrator-password-1');
    await register({ token: narrowed }, '/user');
    await admin('POST', '/municipalities', municipality('while-broad'));
    await until('a municipality event under the broad grant', () => deliveredTo('/user', 'while-broad'));
    // The narrower grant first, so the owner is never without one while the broad grant goes.
    await admin('POST', '/organisations', { id: 'other-integrator', kind: 'integrator', name: 'Other' });
    await admin('POST', `/users/${userId}/roles`, {
      role: 'integrator',
      organisation: 'other-integrator',
      feed: { categories: ['organisation'] },
    });
    await admin('POST', `/users/${userId}/roles/revoke`, {
      role: 'integrator',
      organisation: 'registry-integrator',
      reason: 'narrowed to organisations',
    });
    await admin('POST', '/municipalities', municipality('while-narrow'));
    await admin('POST', '/organisations', { id: 'late-office', kind: 'integrator', name: 'Late' });
    await until('the organisation event under the narrow grant', () => deliveredTo('/user', 'late-office'));
    expect(delivered.filter((d) => d.path === '/user' && d.code === 'while-narrow')).toEqual([]);
  }, 30_000);

  it('disables a webhook at once when its endpoint answers 410 Gone', async () => {
    const webhookId = await register({ token: token['integrator']! }, '/gone');
    await admin('POST', '/organisations', { id: 'gone-office', kind: 'integrator', name: 'Gone' });
    await until('the webhook disabled', () => disabled(webhookId));
    const shown = await call(t.app, 'GET', `/webhooks/${webhookId}`, { token: token['integrator']! });
    expect(shown.json()).toMatchObject({
      status: 'disabled',
      disabledReason: 'The endpoint answered 410 Gone',
    });
    expect(delivered.filter((d) => d.path === '/gone')).toHaveLength(1);
  }, 30_000);
});
