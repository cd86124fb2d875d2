import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WebhookView } from '../../../projections/webhooks/webhooks.projection.js';
import type { CloudEventJson } from '../../feed/cloud-event.js';
import type { FeedAudience } from '../../feed/feed-audience.js';
import { RETRY_WINDOW_MS } from '../retry-schedule.js';
import { signWebhook } from '../webhook-signature.js';
import { WebhookDeliveryStore } from './delivery-store.js';
import { EndpointLoop, GONE, OWNER_REVOKED, type DeliveryDeps, type WebhookClock } from './endpoint-loop.js';
import { WebhookSender } from './webhook-sender.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const event = (n: number): CloudEventJson => ({
  specversion: '1.0',
  id: `event-${n}`,
  source: '/daftar/hamedan/permit',
  type: 'ir.daftar.permit.PermitIssued.v1',
  time: '2025-01-01T00:00:00.000Z',
  subject: `permit-${n % 2}`,
  datacontenttype: 'application/json',
  dataschema: 'http://localhost/feed/schemas/PermitIssued',
  data: { n },
  daftarposition: String(n),
  daftaractorrole: 'signatory',
});

describe('an endpoint’s delivery loop (SQLite progress, a local receiver, a fake clock)', () => {
  let dir: string;
  let server: Server;
  let url: string;
  let answer: (n: number) => number;
  let received: { id: string; n: number; signature: string }[];
  let log: CloudEventJson[];
  let view: WebhookView;
  let owner: FeedAudience | undefined;
  let audiences: FeedAudience[];
  let store: WebhookDeliveryStore;
  let now: number;
  let exhausted: string[];

  const clock: WebhookClock = {
    now: () => now,
    random: () => 0.5,
    sleep: async (ms) => {
      now += ms;
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
  const deps = (): DeliveryDeps => ({
    registry: { get: () => view, active: () => [view] },
    reader: {
      read: async (audience, after, { limit }) => {
        audiences.push(audience);
        const start = after === '' || after === undefined ? 0 : Number(after) + 1;
        const events = log.slice(start, start + limit);
        return { events, next: events.at(-1)?.daftarposition ?? after ?? '' };
      },
    },
    store,
    sender: new WebhookSender({ allowPrivate: true, timeoutMs: 2000 }),
    secrets: { open: (sealed) => sealed },
    clock,
    ownerAudience: () => owner,
    disable: async (_webhookId, reason) => {
      exhausted.push(reason);
      view = { ...view, status: 'disabled', disabledReason: reason };
    },
    idleMs: 1000,
    batch: 3,
  });

  /** Runs a loop until `done` holds, then stops it. */
  async function runUntil(done: () => boolean): Promise<void> {
    const loop = new EndpointLoop('w1', deps()).start();
    for (let i = 0; i < 2000 && !done(); i += 1) await new Promise((resolve) => setTimeout(resolve, 2));
    await loop.stop();
  }

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'daftar-webhooks-'));
    store = new WebhookDeliveryStore(join(dir, 'webhooks.sqlite'), 50);
    received = [];
    exhausted = [];
    owner = { pii: [] };
    audiences = [];
    now = Date.parse('2025-01-01T00:00:00Z');
    answer = () => 204;
    log = [0, 1, 2, 3, 4].map(event);
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const n = (JSON.parse(body) as { data: { n: number } }).data.n;
        const status = answer(n);
        const [id, timestamp, signature] = ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((h) =>
          String(req.headers[h]),
        ) as [string, string, string];
        expect(signature).toBe(signWebhook(SECRET, id, Number(timestamp), body));
        if (status < 300) received.push({ id, n, signature });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    view = {
      webhookId: 'w1',
      owner: { id: 'user-1', kind: 'user' },
      url,
      filters: {},
      audience: { pii: [] },
      startAfter: '',
      secrets: [{ sealed: SECRET }],
      status: 'active',
      disabledReason: null,
      disabledAt: null,
      replays: 0,
      replayFrom: null,
      registeredAt: '2025-01-01T00:00:00Z',
      secretRotatedAt: null,
    };
  });
  afterEach(async () => {
    store.close();
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('delivers in log order, and after a restart goes on from its checkpoint without repeating', async () => {
    await runUntil(() => received.length === 5);
    expect(received.map((r) => r.n)).toEqual([0, 1, 2, 3, 4]);
    expect(store.progress('w1')?.position).toBe('4');
    store.close();
    store = new WebhookDeliveryStore(join(dir, 'webhooks.sqlite'), 50);
    log.push(event(5), event(6));
    await runUntil(() => received.length === 7);
    expect(received.map((r) => r.n)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('retries a refused event with backoff, the same webhook-id, holding back the ones after it', async () => {
    let refusals = 3;
    answer = (n) => (n === 1 && refusals-- > 0 ? 503 : 200);
    const started = now;
    await runUntil(() => received.length === 5);
    expect(received.map((r) => r.n)).toEqual([0, 1, 2, 3, 4]);
    const attempts = store.attempts('w1', 100).reverse();
    const forOne = attempts.filter((a) => a.eventId === 'event-1');
    expect(forOne.map((a) => a.statusCode)).toEqual([503, 503, 503, 200]);
    expect(new Set(forOne.map((a) => a.messageId)).size).toBe(1);
    expect(forOne.slice(0, 3).every((a) => a.nextRetryAt !== undefined)).toBe(true);
    // 3.75 s, 7.5 s and 15 s at the middle of their jitter.
    expect(now - started).toBeGreaterThanOrEqual(26_250);
    expect(store.progress('w1')).toEqual({ position: '4', replays: 0, attempts: 0 });
  });

  it('disables the endpoint after a day of failures, and says why', async () => {
    answer = () => 500;
    const started = now;
    await runUntil(() => exhausted.length > 0);
    expect(exhausted).toEqual([
      expect.stringMatching(/^Deliveries failed for 24 hours \(\d+ attempts\); the last: answered 500$/),
    ]);
    expect(now - started).toBeGreaterThanOrEqual(RETRY_WINDOW_MS);
    expect(now - started).toBeLessThan(RETRY_WINDOW_MS + 3600_000);
    expect(received).toEqual([]);
  });

  it('stops and disables the endpoint once its owner may no longer read the feed', async () => {
    answer = (n) => {
      if (n === 1) owner = undefined;
      return 204;
    };
    await runUntil(() => exhausted.length > 0);
    expect(exhausted).toEqual([OWNER_REVOKED]);
    // The page read before the revocation is the most that still goes out.
    expect(received.map((r) => r.n)).toEqual([0, 1, 2]);
    expect(store.progress('w1')?.position).toBe('2');
  });

  it('reads each page as the owner’s current audience narrowed by the endpoint’s filters', async () => {
    view = { ...view, filters: { categories: ['permit', 'inquiry'], municipalities: ['hamedan'] } };
    owner = { categories: ['permit', 'parcel'], pii: ['permit'] };
    await runUntil(() => received.length === 3);
    owner = { categories: ['parcel'], municipalities: ['tehran', 'hamedan'], pii: [] };
    await runUntil(() => received.length === 5);
    expect(audiences[0]).toEqual({ categories: ['permit'], municipalities: ['hamedan'], pii: ['permit'] });
    expect(audiences.at(-1)).toEqual({ categories: [], municipalities: ['hamedan'], pii: [] });
  });

  it('disables the endpoint at once when it answers 410 Gone', async () => {
    answer = (n) => (n === 2 ? 410 : 204);
    await runUntil(() => exhausted.length > 0);
    expect(exhausted).toEqual([GONE]);
    expect(received.map((r) => r.n)).toEqual([0, 1]);
    expect(store.attempts('w1', 1)[0]).toMatchObject({ eventId: 'event-2', statusCode: 410 });
  });

  it('moves back to the cursor of a replay, once', async () => {
    await runUntil(() => received.length === 5);
    view = { ...view, replays: 1, replayFrom: '2' };
    await runUntil(() => received.length === 7);
    expect(received.map((r) => r.n)).toEqual([0, 1, 2, 3, 4, 3, 4]);
    expect(received[5]!.id).toBe(received[3]!.id);
  });

  it('keeps the last N attempts of an endpoint', () => {
    for (let i = 0; i < 60; i += 1)
      store.save(
        'w1',
        { position: '', replays: 0, attempts: 0 },
        {
          attemptedAt: 'x',
          eventId: `e${i}`,
          messageId: 'm',
          durationMs: 1,
        },
      );
    const kept = store.attempts('w1', 100);
    expect([kept.length, kept[0]!.eventId, kept.at(-1)!.eventId]).toEqual([50, 'e59', 'e10']);
  });
});
