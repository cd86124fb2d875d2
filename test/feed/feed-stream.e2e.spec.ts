import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { FeedStreams } from '../../src/feed/feed-stream/feed-streams.js';
import { DEMO_PASSWORD } from '../../src/identity/demo/demo-data.js';
import { ROLES } from '../../src/identity/roles.js';
import { newId } from '../../src/shared/ids.js';
import { event } from '../event-store/event-store.contract.js';
import { call, signIn } from '../support/http.js';
import { startTestApp, untilReady, type TestApp } from '../support/test-app.js';
import { SseClient } from './sse-client.js';

// Long enough that a reader in a busy test process is not taken for a stalled one.
const STALL_MS = 4000;
/** Streaming the whole feed, which holds 20 MB of drafts once the slow reader's test has run. */
const CATCH_UP_MS = 60_000;

describe('the live feed (GET /feed/stream)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'daftar-stream-'));
  let t: TestApp;
  let url: string;
  let auth: Record<string, string>;
  const clients: SseClient[] = [];

  async function start(): Promise<void> {
    t = await startTestApp({
      dataDir,
      env: {
        DAFTAR_DEMO_DATA: 'true',
        DAFTAR_FEED_STREAM_HEARTBEAT_MS: '100',
        DAFTAR_FEED_STREAM_STALL_MS: String(STALL_MS),
      },
    });
    await untilReady(t.app, 90_000);
    await t.app.listen(0, '127.0.0.1');
    url = await t.app.getUrl();
    auth = { authorization: `Bearer ${await signIn(t.app, 'integrator', DEMO_PASSWORD)}` };
  }

  async function open(query = '', headers: Record<string, string> = {}, options = {}): Promise<SseClient> {
    const client = await SseClient.open(`${url}/feed/stream${query}`, { ...auth, ...headers }, options);
    clients.push(client);
    return client;
  }

  /** Appends permit drafts straight to the log; `padding` makes each event that many bytes larger. */
  async function appendDrafts(count: number, padding = 0): Promise<void> {
    const store = t.app.get<EventStore>(EVENT_STORE);
    await Promise.all(
      Array.from({ length: count }, () => {
        const permitId = newId();
        return store.append(
          `permit-${permitId}`,
          [
            event('PermitDraftOpened', {
              permitId,
              municipality: 'hamedan',
              renewalCode: '1-1-1-1-0-0-0',
              applicationType: 'NewConstruction',
              applicantNationalId: '0013542419',
              ...(padding > 0 ? { padding: 'x'.repeat(padding) } : {}),
            }),
          ],
          { expectedRevision: 'no_stream' },
        );
      }),
    );
  }

  /** The whole feed by GET /feed (after a cursor): what the stream must send, id by id. */
  /** The cursor after the last event of the feed now, to stream from. */
  async function feedHead(): Promise<string> {
    let cursor: string | undefined;
    for (;;) {
      const res = await call(t.app, 'GET', `/feed?limit=1000${cursor ? `&after=${cursor}` : ''}`, {
        headers: auth,
      });
      if ((res.json() as unknown[]).length === 0) return cursor ?? '';
      cursor = String(res.headers['x-next-cursor']);
    }
  }

  async function feedIds(filter = '', after?: string): Promise<string[]> {
    const ids: string[] = [];
    let cursor = after;
    for (;;) {
      const query = `/feed?limit=1000${filter}${cursor ? `&after=${cursor}` : ''}`;
      const res = await call(t.app, 'GET', query, { headers: auth });
      const page = res.json() as { id: string }[];
      if (page.length === 0) return ids;
      ids.push(...page.map((e) => e.id));
      cursor = String(res.headers['x-next-cursor']);
    }
  }

  const idsOf = (client: SseClient) => client.events.map((e) => e.data.id);

  beforeAll(start, 120_000);
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('sends the feed as Server-Sent Events, then new events as they are appended, with heartbeats', async () => {
    const client = await open();
    expect(client.status).toBe(200);
    expect(client.response.headers).toMatchObject({
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      'x-accel-buffering': 'no',
    });
    const before = await feedIds();
    expect(before.length).toBeGreaterThan(10);
    await client.until((c) => c.events.length >= before.length, 'the feed so far', CATCH_UP_MS);
    expect(idsOf(client)).toEqual(before);

    await appendDrafts(3);
    await client.until((c) => c.events.length === before.length + 3, 'three live events');
    expect(idsOf(client)).toEqual(await feedIds());
    for (const { id, data } of client.events) expect(id).toBe(data.daftarposition);
    expect(client.events.at(-1)!.data.type).toBe('ir.daftar.permit.PermitDraftOpened.v1');

    const beats = client.messages.filter((m) => m.comment === 'heartbeat').length;
    await client.until(
      (c) => c.messages.filter((m) => m.comment === 'heartbeat').length >= beats + 2,
      'two heartbeats',
    );
  }, 120_000);

  it('resumes with Last-Event-ID (or ?after=) without gap or duplicate', async () => {
    await appendDrafts(4); // drafts to cut between, whichever test ran before
    const first = await open('?types=PermitDraftOpened');
    const drafts = await feedIds('&types=PermitDraftOpened');
    await first.until((c) => c.events.length === drafts.length, 'the drafts so far', CATCH_UP_MS);
    first.close();
    const half = Math.floor(drafts.length / 2);
    const cut = first.events[half - 1]!.id;
    const upToCut = idsOf(first).slice(0, half);

    await appendDrafts(2);
    const resumed = await open('?types=PermitDraftOpened', { 'last-event-id': cut });
    const byQuery = await open(`?types=PermitDraftOpened&after=${cut}`);
    const all = await feedIds('&types=PermitDraftOpened');
    for (const client of [resumed, byQuery]) {
      await client.until((c) => upToCut.length + c.events.length === all.length, 'the rest', CATCH_UP_MS);
      expect([...upToCut, ...idsOf(client)]).toEqual(all);
    }
  }, 240_000);

  it('resumes across a server restart without gap or duplicate, told where on shutdown', async () => {
    const client = await open();
    const before = await feedIds();
    await client.until((c) => c.events.length === before.length, 'the feed so far', CATCH_UP_MS);
    await t.close();
    await client.until((c) => c.isEnded, 'the end of the stream', 30_000);
    const farewell = client.messages.at(-1)!;
    expect(farewell.event).toBe('disconnect');
    const lastId = client.events.at(-1)!.id;
    expect(JSON.parse(farewell.data!)).toEqual({ reason: 'shutdown', lastEventId: lastId });

    await start();
    await appendDrafts(2);
    const resumed = await open('', { 'last-event-id': lastId });
    const all = await feedIds();
    await resumed.until((c) => before.length + c.events.length === all.length, 'the rest');
    expect([...idsOf(client), ...idsOf(resumed)]).toEqual(all);
  }, 120_000);

  it('disconnects a reader that stops reading, says where to resume, and buffers only a page', async () => {
    const total = await feedIds();
    const slow = await open('', {}, { paused: true });
    await appendDrafts(1000, 20_000);
    const streams = t.app.get(FeedStreams);
    const deadline = Date.now() + 30_000;
    while (streams.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(streams.size).toBe(0);

    slow.resume();
    await slow.until((c) => c.isEnded, 'the end of the stream', 20_000);
    const farewell = slow.messages.at(-1)!;
    expect(farewell.event).toBe('disconnect');
    const lastId = slow.events.at(-1)!.id;
    expect(JSON.parse(farewell.data!)).toEqual({ reason: 'stalled', lastEventId: lastId });
    // 20 MB of events were appended: the server sent what the socket held and a page, no more.
    expect(slow.events.length).toBeLessThan(total.length + 500);
    expect(slow.received).toBeLessThan(12_000_000);

    const resumed = await open('', { 'last-event-id': lastId });
    await resumed.until((c) => c.events.length > 0, 'the events after the disconnect', 20_000);
    const seen = idsOf(slow);
    expect(resumed.events[0]!.data.id).toBe((await feedIds('', lastId))[0]);
    expect(seen).not.toContain(resumed.events[0]!.data.id);
  }, 120_000);

  /** A new integrator key with feed:read: its id, and the headers that speak for it. */
  async function issueKey(): Promise<{ keyId: string; headers: Record<string, string> }> {
    const admin = await signIn(t.app, 'admin', DEMO_PASSWORD);
    const res = await call(t.app, 'POST', '/api-keys', {
      token: admin,
      body: { organisation: 'registry-integrator', label: `stream ${newId()}`, permissions: ['feed:read'] },
    });
    expect(res.statusCode).toBe(201);
    const { keyId, key } = res.json() as { keyId: string; key: string };
    return { keyId, headers: { authorization: `ApiKey ${key}` } };
  }

  it('ends a revoked key’s stream before the next event, saying so and where it stopped', async () => {
    const { keyId, headers } = await issueKey();
    // From the head: the tests before left megabytes of padded drafts that a busy machine streams slowly.
    const client = await open('', { ...headers, 'last-event-id': await feedHead() });
    await appendDrafts(1);
    await client.until((c) => c.events.length === 1, 'a live event', 30_000);

    const admin = await signIn(t.app, 'admin', DEMO_PASSWORD);
    const revoked = await call(t.app, 'POST', `/api-keys/${keyId}/revoke`, {
      token: admin,
      body: { reason: 'leaked' },
    });
    expect(revoked.statusCode).toBe(200);
    await appendDrafts(2);
    await client.until((c) => c.isEnded, 'the end of the stream', 30_000);
    const farewell = client.messages.at(-1)!;
    expect(farewell.event).toBe('disconnect');
    const lastId = client.events.at(-1)!.id;
    expect(JSON.parse(farewell.data!)).toEqual({ reason: 'revoked', lastEventId: lastId });
    // Nothing appended after the revocation was sent.
    expect(client.events.length).toBe(1);
  });

  it('holds at most DAFTAR_FEED_STREAMS_PER_KEY streams open per key, and frees a place when one ends', async () => {
    const { headers } = await issueKey();
    const three = await Promise.all([1, 2, 3].map(() => open('?types=RegionAdded', headers)));
    expect(three.map((c) => c.status)).toEqual([200, 200, 200]);
    const fourth = await call(t.app, 'GET', '/feed/stream?types=RegionAdded', { headers });
    expect([fourth.statusCode, (fourth.json() as { code: string }).code]).toEqual([
      429,
      'FEED.TOO_MANY_STREAMS',
    ]);
    expect(Number(fourth.headers['retry-after'])).toBeGreaterThan(0);
    // Another principal is not held back by this one's streams.
    expect((await open('?types=RegionAdded')).status).toBe(200);

    three[0]!.close();
    const streams = t.app.get(FeedStreams);
    const deadline = Date.now() + 5000;
    let again: SseClient | undefined;
    while (!again && Date.now() < deadline) {
      const res = await call(t.app, 'GET', '/feed/stream?types=RegionAdded&after=nope!', { headers });
      if (res.statusCode === 400) again = await open('?types=RegionAdded', headers);
      else await new Promise((r) => setTimeout(r, 20));
    }
    expect(again?.status).toBe(200);
    expect(streams.size).toBeGreaterThan(0);
  });

  it('refuses other roles and bad cursors before the stream starts', async () => {
    const refused = [];
    for (const role of ROLES.filter((r) => r !== 'integrator')) {
      const token = await signIn(t.app, role, DEMO_PASSWORD);
      const res = await call(t.app, 'GET', '/feed/stream', { token });
      if (res.statusCode !== 403) refused.push(`${role}: ${res.statusCode}`);
    }
    expect(refused).toEqual([]);
    expect((await call(t.app, 'GET', '/feed/stream')).statusCode).toBe(401);
    const bad = await call(t.app, 'GET', '/feed/stream', { headers: { ...auth, 'last-event-id': 'nope!' } });
    expect([bad.statusCode, (bad.json() as { code: string }).code]).toEqual([400, 'FEED.INVALID_CURSOR']);
    const unknown = await call(t.app, 'GET', '/feed/stream?types=UserCreated', { headers: auth });
    expect((unknown.json() as { code: string }).code).toBe('FEED.UNKNOWN_TYPE');
    // A password hash per role: seconds on a loaded machine.
  }, 60_000);
});
