import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { DEMO_PASSWORD } from '../../src/identity/demo/demo-data.js';
import { call, signIn } from '../support/http.js';
import { startTestApp, untilReady, type TestApp } from '../support/test-app.js';
import { municipality, until } from './webhook-test-kit.js';

interface Delivery {
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

type Owner = { token: string } | { apiKey: string };

/** Each test registers its own webhook, for its own owner, at its own receiver path. */
describe('webhooks (Standard Webhooks) to a local receiver', () => {
  let t: TestApp;
  let server: Server;
  let receiverUrl: string;
  /** How many deliveries to each receiver path are answered 503 before it accepts. */
  const refuseNext = new Map<string, number>();
  const accepted: Delivery[] = [];
  const token: Record<string, string> = {};

  const acceptedAt = (path: string) => accepted.filter((d) => d.path === path);
  /** A fresh owner: an API key of its own, so no other test's webhooks count against it. */
  const newOwner = async (label: string): Promise<Owner> => {
    const issued = await call(t.app, 'POST', '/api-keys', {
      token: token['admin']!,
      body: { organisation: 'registry-integrator', label, permissions: ['feed:read'] },
    });
    expect(issued.statusCode).toBe(201);
    return { apiKey: (issued.json() as { key: string }).key };
  };
  const register = async (owner: Owner, path: string) => {
    const res = await call(t.app, 'POST', '/webhooks', {
      ...owner,
      body: { url: `${receiverUrl}${path}`, categories: ['municipality'] },
    });
    expect([res.statusCode, res.body]).toEqual([201, expect.any(String)]);
    return res.json() as { id: string; secret: string };
  };
  const registerMunicipality = async (code: string) => {
    const res = await call(t.app, 'POST', '/municipalities', {
      token: token['admin']!,
      body: municipality(code),
    });
    expect(res.statusCode).toBe(201);
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const path = (req.url ?? '').replace(/^\/daftar/, '');
        const refusals = refuseNext.get(path) ?? 0;
        if (refusals > 0) {
          refuseNext.set(path, refusals - 1);
          res.writeHead(503).end();
          return;
        }
        accepted.push({ path, headers: req.headers as Record<string, string>, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/daftar`;
    t = await startTestApp({ env: { DAFTAR_DEMO_DATA: 'true', DAFTAR_WEBHOOKS_PER_OWNER: '2' } });
    await untilReady(t.app, 90_000);
    for (const role of ['admin', 'integrator', 'clerk'])
      token[role] = await signIn(t.app, role, DEMO_PASSWORD);
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('registers an endpoint for an integrator and shows its whsec_ secret once', async () => {
    // The only test whose owner is the integrator user: its list holds exactly this webhook.
    const res = await call(t.app, 'POST', '/webhooks', {
      token: token['integrator']!,
      body: { url: receiverUrl, categories: ['municipality'] },
    });
    expect([res.statusCode, res.body]).toEqual([201, expect.any(String)]);
    const { id: webhookId, secret } = res.json() as { id: string; secret: string };
    expect(secret).toMatch(/^whsec_/);
    const shown = await call(t.app, 'GET', `/webhooks/${webhookId}`, { token: token['integrator']! });
    expect(shown.json()).toMatchObject({ id: webhookId, url: receiverUrl, status: 'active' });
    expect(shown.body).not.toContain(secret.slice(6));
    expect(shown.body).not.toContain('enc:v1');
    const list = await call(t.app, 'GET', '/webhooks', { token: token['integrator']! });
    expect((list.json() as { items: { id: string }[] }).items.map((w) => w.id)).toEqual([webhookId]);
  });

  it('delivers each event verified by the standardwebhooks package, once and in order, across an outage', async () => {
    const owner = await newOwner('outage');
    const { id: webhookId, secret } = await register(owner, '/outage');
    refuseNext.set('/outage', 1);
    for (const n of [1, 2, 3]) await registerMunicipality(`outage-${n}`);
    await until('three deliveries', () => (acceptedAt('/outage').length >= 3 ? true : undefined));
    const delivered = acceptedAt('/outage');
    const events = delivered.map(({ headers, body }) => {
      expect(headers['content-type']).toBe('application/cloudevents+json');
      return new Webhook(secret).verify(body, headers) as {
        id: string;
        type: string;
        data: { code: string };
      };
    });
    expect(events.map((e) => e.data.code)).toEqual(['outage-1', 'outage-2', 'outage-3']);
    expect(events[0]!.type).toBe('ir.daftar.municipality.MunicipalityRegistered.v1');
    expect(new Set(delivered.map((d) => d.headers['webhook-id'])).size).toBe(3);
    const log = await call(t.app, 'GET', `/webhooks/${webhookId}/deliveries`, owner);
    const attempts = (log.json() as { items: { statusCode: number; eventId: string; messageId: string }[] })
      .items;
    expect(attempts.map((a) => a.statusCode).reverse()).toEqual([503, 204, 204, 204]);
    expect(attempts.at(-1)!.messageId).toBe(attempts.at(-2)!.messageId);
  }, 30_000);

  it('signs with both secrets while a rotation overlaps, and either verifies', async () => {
    const owner = await newOwner('rotation');
    const { id: webhookId, secret } = await register(owner, '/rotation');
    const res = await call(t.app, 'POST', `/webhooks/${webhookId}/secret`, {
      ...owner,
      body: { keepPreviousForHours: 1 },
    });
    expect(res.statusCode).toBe(200);
    const rotated = (res.json() as { secret: string; previousSecretValidUntil: string }).secret;
    expect(rotated).not.toBe(secret);
    await registerMunicipality('after-rotation');
    const delivery = await until('the delivery after rotation', () => acceptedAt('/rotation')[0]);
    expect(delivery.headers['webhook-signature']!.split(' ')).toHaveLength(2);
    for (const key of [secret, rotated])
      expect(new Webhook(key).verify(delivery.body, delivery.headers)).toBeTruthy();
  }, 30_000);

  it('replays from a cursor: the same messages again, with their webhook-id', async () => {
    const owner = await newOwner('replay');
    const { id: webhookId } = await register(owner, '/replay');
    for (const n of [1, 2, 3, 4]) await registerMunicipality(`replay-${n}`);
    await until('four deliveries', () => (acceptedAt('/replay').length >= 4 ? true : undefined));
    const first = JSON.parse(acceptedAt('/replay')[0]!.body) as { daftarposition: string };
    const before = acceptedAt('/replay').length;
    const res = await call(t.app, 'POST', `/webhooks/${webhookId}/replay`, {
      ...owner,
      body: { from: first.daftarposition },
    });
    expect(res.statusCode).toBe(200);
    await until('the replay', () => (acceptedAt('/replay').length >= before + 3 ? true : undefined));
    const delivered = acceptedAt('/replay');
    expect(delivered.slice(before, before + 3).map((d) => d.headers['webhook-id'])).toEqual(
      delivered.slice(1, 4).map((d) => d.headers['webhook-id']),
    );
    const bad = await call(t.app, 'POST', `/webhooks/${webhookId}/replay`, {
      ...owner,
      body: { from: 'nonsense' },
    });
    expect([bad.statusCode, (bad.json() as { code: string }).code]).toEqual([400, 'FEED.INVALID_CURSOR']);
  }, 30_000);

  it('is 403 for other roles, and 404 for another owner’s webhook', async () => {
    const { id: webhookId } = await register(await newOwner('the owner'), '/owned');
    const clerk = await call(t.app, 'POST', '/webhooks', {
      token: token['clerk']!,
      body: { url: receiverUrl },
    });
    expect(clerk.statusCode).toBe(403);
    const other = await newOwner('other integration');
    for (const [method, url] of [
      ['GET', `/webhooks/${webhookId}`],
      ['GET', `/webhooks/${webhookId}/deliveries`],
      ['DELETE', `/webhooks/${webhookId}`],
    ] as const) {
      expect([method, url, (await call(t.app, method, url, other)).statusCode]).toEqual([method, url, 404]);
    }
    const out = await call(t.app, 'POST', '/webhooks', {
      ...other,
      body: { url: receiverUrl, categories: ['user'] },
    });
    expect([out.statusCode, (out.json() as { code: string }).code]).toEqual([
      400,
      'WEBHOOK.UNKNOWN_CATEGORY',
    ]);
  });

  it('stops delivering once deleted', async () => {
    const owner = await newOwner('deleted');
    const { id: webhookId } = await register(owner, '/deleted');
    const res = await call(t.app, 'DELETE', `/webhooks/${webhookId}`, owner);
    expect(res.statusCode).toBe(204);
    expect((await call(t.app, 'GET', `/webhooks/${webhookId}`, owner)).statusCode).toBe(404);
  });

  it('refuses an owner more webhooks than DAFTAR_WEBHOOKS_PER_OWNER; a deleted one makes room', async () => {
    const owner = await newOwner('at the limit');
    const registerOne = () =>
      call(t.app, 'POST', '/webhooks', {
        ...owner,
        body: { url: `${receiverUrl}/spare`, categories: ['municipality'] },
      });
    const first = await registerOne();
    expect([first.statusCode, (await registerOne()).statusCode]).toEqual([201, 201]);
    const third = await registerOne();
    expect([third.statusCode, (third.json() as { code: string }).code]).toEqual([409, 'WEBHOOK.TOO_MANY']);
    const { id } = first.json() as { id: string };
    await call(t.app, 'DELETE', `/webhooks/${id}`, owner);
    expect((await registerOne()).statusCode).toBe(201);
  });
});
