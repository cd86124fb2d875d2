import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { WebhookView } from '../../projections/webhooks/webhooks.projection.js';
import type { CloudEventJson } from '../../src/feed/cloud-event.js';
import { WebhookDeliveryStore } from '../../src/webhooks/delivery/delivery-store.js';
import { EndpointLoop } from '../../src/webhooks/delivery/endpoint-loop.js';
import { REAL_CLOCK } from '../../src/webhooks/delivery/real-clock.js';
import { WebhookSender } from '../../src/webhooks/delivery/webhook-sender.js';
import { newWebhookSecret } from '../../src/webhooks/webhook-signature.js';
import { MEASURE_MS, WARMUP_MS, round, type BenchContext, type BenchFigure } from '../figure.js';

const event = (n: number): CloudEventJson => ({
  specversion: '1.0',
  id: `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`,
  source: '/daftar/hamedan/permit',
  type: 'ir.daftar.permit.PermitIssued.v1',
  time: new Date(0).toISOString(),
  subject: `permit-${n % 100}`,
  datacontenttype: 'application/json',
  dataschema: 'http://localhost:3000/feed/schemas/PermitIssued',
  data: { permitId: `p${n % 100}`, permitNumber: `14-${n}`, validUntil: '2030-01-01' },
  daftarposition: String(n),
  daftaractorrole: 'signatory',
});

/**
 * Deliveries/s of one endpoint's loop to a local receiver: signing, an HTTP POST (a connection each,
 * as pinned to the resolved address) and the checkpoint and log row in SQLite per event. The feed read
 * is a stand-in here; `feed.read` measures it.
 */
async function deliver(context: BenchContext) {
  let received = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received += 1;
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const store = new WebhookDeliveryStore(join(context.dir, 'webhooks.sqlite'));
  const secret = newWebhookSecret();
  const view: WebhookView = {
    webhookId: 'bench',
    owner: { id: 'user-bench', kind: 'user' },
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    filters: {},
    audience: { pii: [] },
    startAfter: '',
    secrets: [{ sealed: secret }],
    status: 'active',
    disabledReason: null,
    disabledAt: null,
    replays: 0,
    replayFrom: null,
    registeredAt: new Date(0).toISOString(),
    secretRotatedAt: null,
  };
  const loop = new EndpointLoop('bench', {
    registry: { get: () => view, active: () => [view] },
    reader: {
      read: async (_audience, after, { limit }) => {
        const start = after ? Number(after) + 1 : 0;
        const events = Array.from({ length: limit }, (_, i) => event(start + i));
        return { events, next: events.at(-1)!.daftarposition };
      },
    },
    store,
    sender: new WebhookSender({ allowPrivate: true, timeoutMs: 10_000 }),
    secrets: { open: (sealed) => sealed },
    clock: REAL_CLOCK,
    ownerAudience: () => ({ pii: [] }),
    disable: async () => undefined,
    idleMs: 1000,
    batch: 100,
  }).start();
  await new Promise((resolve) => setTimeout(resolve, WARMUP_MS));
  const before = received;
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, MEASURE_MS));
  const count = received - before;
  const seconds = (performance.now() - started) / 1000;
  await loop.stop();
  store.close();
  await new Promise((resolve) => server.close(resolve));
  context.log(`webhook.deliver: ${count} deliveries in ${seconds.toFixed(1)} s`);
  return { count, seconds };
}

export const webhookFigures: readonly BenchFigure[] = [
  {
    name: 'webhook.deliver',
    async run(context) {
      const { count, seconds } = await deliver(context);
      return { name: 'webhook.deliver', value: round(count / seconds), unit: 'deliveries/s', endpoints: 1 };
    },
  },
];
