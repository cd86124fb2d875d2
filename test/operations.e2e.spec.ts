import type { AnyProjection } from '../projections/projection.js';
import { allProjections } from '../projections/index.js';
import { EVENT_STORE, type EventStore } from '../src/event-store/event-store.port.js';
import { CounterTestModule } from './support/counter.test-module.js';
import { startTestApp, type TestApp } from './support/test-app.js';

async function eventually<T>(
  probe: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('operations endpoints and the HTTP error contract', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ extraModules: [CounterTestModule] });
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json', ...headers },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });

  it('GET /health answers while the process is alive', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
    expect(res.headers['x-request-id']).toBeDefined();
  });

  it('GET /ready answers 200 once every subscriber has caught up', async () => {
    // An app of its own: the audit log stops at the other cases' test-counter events.
    const own = await startTestApp();
    try {
      const res = await eventually(
        () => own.app.inject({ method: 'GET', url: '/ready' }),
        (r) => r.statusCode === 200,
      );
      expect([res.statusCode, res.statusCode === 200 || res.body]).toEqual([200, true]);
      const subscribers = res.json().subscribers as { name: string; state: string }[];
      expect(subscribers.map((s) => s.name)).toEqual(
        expect.arrayContaining(['projection:streams', 'projection:users']),
      );
      expect(subscribers.every((s) => s.state === 'live')).toBe(true);
    } finally {
      await own.close();
    }
  });

  it('serves the OpenAPI document and Swagger UI', async () => {
    const doc = await t.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(doc.statusCode).toBe(200);
    expect(doc.json().openapi).toMatch(/^3\./);
    expect(Object.keys(doc.json().paths)).toEqual(expect.arrayContaining(['/health', '/ready']));
    const ui = await t.app.inject({ method: 'GET', url: '/docs' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toMatch(/text\/html/);
  });

  it('answers an unknown route with 404 as RFC 9457 problem details', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/no-such-thing?secret=1' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toEqual({
      type: 'urn:daftar:problem:HTTP.NOT_FOUND',
      title: 'Not Found',
      status: 404,
      detail: expect.any(String),
      instance: '/no-such-thing',
      code: 'HTTP.NOT_FOUND',
    });
  });

  it('runs a command into an event and refuses what the decider refuses with its code', async () => {
    expect((await post('/test-counters/a/increments', { by: 4 })).json()).toEqual({
      total: 4,
      revision: '0',
    });
    expect((await post('/test-counters/a/increments', { by: 5 })).json()).toEqual({
      total: 9,
      revision: '1',
    });
    const refused = await post('/test-counters/a/increments', { by: 5 });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'COUNTER.LIMIT_REACHED',
      detail: 'The counter would pass 10 (it is at 9)',
    });
    const store = t.app.get<EventStore>(EVENT_STORE);
    expect(await store.readStream('counter-a')).toHaveLength(2);
  });

  it('answers malformed JSON with 400 REQUEST.MALFORMED_JSON', async () => {
    const res = await post('/test-counters/b/increments', '{"by": 1,');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'REQUEST.MALFORMED_JSON', status: 400 });
  });

  it('answers a body over the limit with 413 REQUEST.TOO_LARGE', async () => {
    const res = await post('/test-counters/b/increments', { by: 1, padding: 'x'.repeat(1024 * 1024 + 10) });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'REQUEST.TOO_LARGE', status: 413 });
  });

  it('answers unknown fields and wrong types with 400 and writes nothing', async () => {
    const unknown = await post('/test-counters/c/increments', { by: 1, actor: 'admin' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'REQUEST.UNKNOWN_FIELD', details: { fields: ['actor'] } });
    const wrong = await post('/test-counters/c/increments', { by: 'many' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'REQUEST.INVALID' });
    expect(await t.app.get<EventStore>(EVENT_STORE).readStream('counter-c')).toEqual([]);
  });

  it('answers a stale If-Match with 412 and a current one with success', async () => {
    await post('/test-counters/d/increments', { by: 1 });
    await post('/test-counters/d/increments', { by: 1 });
    const stale = await post('/test-counters/d/increments', { by: 1 }, { 'if-match': '"0"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({
      code: 'STREAM.PRECONDITION_FAILED',
      details: { currentRevision: '1' },
    });
    const current = await post('/test-counters/d/increments', { by: 1 }, { 'if-match': '"1"' });
    expect(current.statusCode).toBe(201);
    const bad = await post('/test-counters/d/increments', { by: 1 }, { 'if-match': 'yesterday' });
    expect(bad.json()).toMatchObject({ code: 'REQUEST.BAD_IF_MATCH' });
  });

  it('answers a command with its revision as a strong ETag; If-Match * needs the record to exist', async () => {
    const absent = await post('/test-counters/etag/increments', { by: 1 }, { 'if-match': '*' });
    expect(absent.statusCode).toBe(412);
    expect(absent.headers['etag']).toBeUndefined();
    const first = await post('/test-counters/etag/increments', { by: 1 });
    expect(first.headers['etag']).toBe('"0"');
    const any = await post('/test-counters/etag/increments', { by: 1 }, { 'if-match': '*' });
    expect(any.statusCode).toBe(201);
    expect(any.headers['etag']).toBe('"1"');
    const weak = await post('/test-counters/etag/increments', { by: 1 }, { 'if-match': 'W/"1"' });
    expect(weak.statusCode).toBe(412);
    expect(weak.json()).toMatchObject({ code: 'REQUEST.WEAK_IF_MATCH' });
  });

  it('replays an Idempotency-Key with the same body and refuses it with 422 for another', async () => {
    const key = { 'idempotency-key': 'counter-idem-0001' };
    const first = await post('/test-counters/idem/increments', { by: 2 }, key);
    const again = await post('/test-counters/idem/increments', { by: 2 }, key);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['etag']).toBe(first.headers['etag']);
    const other = await post('/test-counters/idem/increments', { by: 3 }, key);
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ code: 'REQUEST.IDEMPOTENCY_KEY_REUSED', status: 422 });
    expect(await t.app.get<EventStore>(EVENT_STORE).readStream('counter-idem')).toHaveLength(1);
  });

  it('answers a retried command with the same Idempotency-Key once, with its first result', async () => {
    const headers = { 'idempotency-key': 'retry-after-timeout-1' };
    const first = await post('/test-counters/e/increments', { by: 2 }, headers);
    const again = await post('/test-counters/e/increments', { by: 2 }, headers);
    expect(again.json()).toEqual(first.json());
    expect(await t.app.get<EventStore>(EVENT_STORE).readStream('counter-e')).toHaveLength(1);
  });

  it('clients racing on one record: each command is decided again on fresh state, none is lost', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, () => post('/test-counters/race/increments', { by: 2 })),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(5);
    const refused = results.filter((r) => r.statusCode === 409).map((r) => r.json().code);
    expect(refused).toEqual(['COUNTER.LIMIT_REACHED', 'COUNTER.LIMIT_REACHED', 'COUNTER.LIMIT_REACHED']);
    expect(await t.app.get<EventStore>(EVENT_STORE).readStream('counter-race')).toHaveLength(5);
  });
});

describe('readiness reports what is wrong', () => {
  it('names a subscriber stopped by a poison event, with its position', async () => {
    const fragile: AnyProjection = {
      name: 'fragile',
      version: 1,
      handles: ['CounterIncremented'],
      documentId: () => 'x',
      evolve: () => {
        throw new Error('unreadable increment');
      },
    };
    const t = await startTestApp({
      extraModules: [CounterTestModule],
      projections: [...allProjections, fragile],
    });
    try {
      await t.app.inject({
        method: 'POST',
        url: '/test-counters/p/increments',
        headers: { 'content-type': 'application/json' },
        payload: '{"by":1}',
      });
      const res = await eventually(
        () => t.app.inject({ method: 'GET', url: '/ready' }),
        (r) => /stopped/.test(r.body),
      );
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({
        code: 'SERVICE.NOT_READY',
        status: 503,
        details: { subscribers: expect.any(Array) },
      });
      expect(res.json().detail).toMatch(
        /projection:fragile stopped at position 1 \(CounterIncremented .*\): unreadable increment/,
      );
      // A command answered from that read model says it is saved but not shown, instead of a stale view.
      const awaited = await t.app.inject({
        method: 'POST',
        url: '/test-counters/q/awaited-increments',
        headers: { 'content-type': 'application/json' },
        payload: '{"by":2}',
      });
      expect(awaited.statusCode).toBe(503);
      expect(awaited.json()).toMatchObject({ code: 'READ_MODEL.BEHIND', details: { written: true } });
      expect(await t.app.get<EventStore>(EVENT_STORE).readStream('counter-q')).toHaveLength(1);
    } finally {
      await t.close();
    }
  });

  it('says the event store is unreachable', async () => {
    const t = await startTestApp({
      env: { DAFTAR_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'esdb://127.0.0.1:1?tls=false' },
    });
    try {
      const res = await t.app.inject({ method: 'GET', url: '/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.json().detail).toMatch(/event store unreachable/);
    } finally {
      await t.close();
    }
  }, 20_000);
});
