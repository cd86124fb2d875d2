import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { HTTP, type CloudEvent } from 'cloudevents';
import { join } from 'node:path';
import { runDemo } from '../../src/demo/walkthrough/demo-walkthrough.js';
import { DEMO_PASSWORD } from '../../src/identity/demo/demo-data.js';
import { ROLES } from '../../src/identity/roles.js';
import { call, signIn, type CallOptions } from '../support/http.js';
import { personalDataIn } from '../support/personal-data.js';
import { startTestApp, untilReady, type TestApp } from '../support/test-app.js';

/** Small, so that the demo takes many pages. */
const PAGE = 25;
/** Demo parcels: one owing renewal dues, and vacant land owing them too (nothing a utility connects). */
const OWING = '1-1-1-2-0-0-0';
const VACANT_OWING = '3-3-26-47-0-0-0';
const INQUIRER = ['inquiries:file', 'inquiries:read', 'feed:read'];

describe('the integrator feed after npm run demo', () => {
  let t: TestApp;
  const token: Record<string, string> = {};
  const keys: Record<string, string> = {};

  async function issueKey(name: string, organisation: string, body: Record<string, unknown>): Promise<void> {
    const res = await call(t.app, 'POST', '/api-keys', {
      token: token['admin']!,
      body: { organisation, label: `feed ${name}`, ...body },
    });
    expect([res.statusCode, res.body]).toEqual([201, expect.any(String)]);
    keys[name] = (res.json() as { key: string }).key;
  }

  /** Every page, read as an integrator would: follow `Link: rel="next"` until a page comes back empty. */
  async function readFeed(as: CallOptions, query = ''): Promise<CloudEvent<unknown>[]> {
    const events: CloudEvent<unknown>[] = [];
    let url = `/feed?limit=${PAGE}${query}`;
    for (let pages = 0; pages < 500; pages += 1) {
      const res = await call(t.app, 'GET', url, as);
      expect([res.statusCode, res.statusCode === 200 ? '' : res.body]).toEqual([200, '']);
      expect(res.headers['content-type']).toMatch(/^application\/cloudevents-batch\+json/);
      const page = HTTP.toEvent({ headers: res.headers as Record<string, string>, body: res.body });
      const batch = (Array.isArray(page) ? page : [page]) as CloudEvent<unknown>[];
      events.push(...batch);
      const link = /^<([^>]+)>; rel="next"$/.exec(String(res.headers['link']));
      expect(link?.[1]).toContain(`after=${String(res.headers['x-next-cursor'])}`);
      if (batch.length === 0) return events;
      url = link![1]!;
    }
    throw new Error('the feed never ended');
  }

  beforeAll(async () => {
    t = await startTestApp({ env: { DAFTAR_DEMO_DATA: 'true' } });
    await untilReady(t.app, 90_000);
    await t.app.listen(0, '127.0.0.1');
    await runDemo(await t.app.getUrl(), () => undefined, join(t.config.dataDir, 'outbox', 'sms.jsonl'));
    for (const role of ROLES) token[role] = await signIn(t.app, role, DEMO_PASSWORD);
    await issueKey('plain', 'registry-integrator', { permissions: ['feed:read'] });
    await issueKey('pii', 'registry-integrator', {
      permissions: ['feed:read'],
      feed: { pii: ['permit', 'parcel', 'document', 'inquiry'] },
    });
    await issueKey('notary', 'notary-office-12', { permissions: ['inquiries:file', 'feed:read'] });
    await issueKey('notary-no-feed', 'notary-office-12', { permissions: ['inquiries:read'] });
    await issueKey('bank', 'bank-melli-hamedan', { permissions: INQUIRER });
    await issueKey('utility', 'water-hamedan', { permissions: INQUIRER });
    // Both held for the clerk (کارتابل), then answered blocked in the clerk's words.
    for (const [key, kind, renewalCode] of [
      ['bank', 'Bank', OWING],
      ['utility', 'Utility', VACANT_OWING],
    ] as const) {
      const filed = await call(t.app, 'POST', '/inquiries', {
        apiKey: keys[key]!,
        body: { kind, renewalCode, requesterReference: `FEED-${key}`, purpose: 'feed check' },
      });
      expect([key, filed.statusCode]).toEqual([key, 202]);
      const answer = await call(t.app, 'POST', `/inquiries/${filed.json().inquiryId}/answer`, {
        token: token['clerk']!,
        body: { outcome: 'blocked', reasons: ['The owner must settle with the municipality first'] },
      });
      expect([key, answer.statusCode]).toEqual([key, 201]);
    }
  }, 180_000);
  afterAll(() => t.close());

  it('publishes the demo as valid CloudEvents, each once, with no national id or mobile without pii', async () => {
    const events = await readFeed({ apiKey: keys['plain']! });
    expect(events.length).toBeGreaterThan(PAGE * 2);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    for (const event of events) {
      expect(event.specversion).toBe('1.0');
      expect(event.type).toMatch(/^ir\.daftar\.[a-z]+\.[A-Za-z]+\.v\d+$/);
      // The category in `source` and `type` is the stream's: what the store filters on.
      const category = event.subject!.slice(0, event.subject!.indexOf('-'));
      expect([event.source, event.type]).toEqual([
        expect.stringMatching(new RegExp(`^/daftar/[a-z0-9-]+/${category}$`)),
        expect.stringContaining(`.${category}.`),
      ]);
      expect(event['daftarposition']).toEqual(expect.any(String));
    }
    const types = new Set(events.map((e) => e.type.split('.')[3]));
    expect([...types]).toEqual(
      expect.arrayContaining(['PermitDraftOpened', 'ParcelRegistered', 'DocumentIssued']),
    );
    for (const hidden of [
      'UserCreated',
      'RegistrationStarted',
      'LoginSucceeded',
      'AccessRecorded',
      'ConsentRequested',
    ])
      expect(types.has(hidden)).toBe(false);
    expect(events.flatMap((e) => personalDataIn(e.data).map((leak) => `${e.type} ${leak}`))).toEqual([]);
  });

  it('publishes data that its own dataschema validates, with and without pii', async () => {
    const ajv = new Ajv({ strict: true });
    addFormats.default(ajv);
    const schemas = new Map<string, ValidateFunction>();
    const schemaOf = async (url: string) => {
      if (!schemas.has(url)) {
        const res = await call(t.app, 'GET', new URL(url).pathname);
        expect([url, res.statusCode]).toEqual([url, 200]);
        schemas.set(url, ajv.compile(res.json()));
      }
      return schemas.get(url)!;
    };
    for (const key of ['plain', 'pii', 'bank', 'utility']) {
      const invalid: string[] = [];
      for (const event of await readFeed({ apiKey: keys[key]! })) {
        const validate = await schemaOf(event.dataschema!);
        if (!validate(event.data)) invalid.push(`${event.type}: ${ajv.errorsText(validate.errors)}`);
      }
      expect([key, invalid]).toEqual([key, []]);
    }
    expect(schemas.size).toBeGreaterThan(10);
  });

  it('shows personal data to a key with the pii scope, and a password hash to nobody', async () => {
    const withPii = await readFeed({ apiKey: keys['pii']! });
    expect(withPii.flatMap((e) => personalDataIn(e.data)).length).toBeGreaterThan(0);
    for (const as of [{ apiKey: keys['pii']! }, { token: token['integrator']! }]) {
      const text = JSON.stringify(await readFeed(as));
      expect(text).not.toMatch(/passwordHash|enc:v1:|scrypt|secretSha256|digest"/);
    }
  });

  it('shows a notary office’s key only the inquiries it filed', async () => {
    const events = await readFeed({ apiKey: keys['notary']! });
    expect(events.length).toBeGreaterThan(0);
    const inquiries = (
      await call(t.app, 'GET', '/inquiries?pageSize=100', { token: token['notary']! })
    ).json() as {
      items: { inquiryId: string }[];
    };
    const own = new Set(inquiries.items.map((i) => `inquiry-${i.inquiryId}`));
    const foreign = events.filter(
      (e) => !(own.has(e.subject!) || (e.subject!.startsWith('document-') && e.type.includes('Document'))),
    );
    expect(foreign.map((e) => `${e.type} ${e.subject}`)).toEqual([]);
  });

  it('shows a bank or utility key its answers as GET /inquiries/:id does, and not the clerks’ worklist', async () => {
    for (const key of ['bank', 'utility']) {
      const events = await readFeed({ apiKey: keys[key]! });
      const types = events.map((e) => e.type.split('.')[3]);
      expect([key, types]).toEqual([key, ['InquiryFiled', 'InquiryAnswered', 'DocumentIssued']]);
      expect([key, JSON.stringify(events)]).not.toEqual([
        key,
        expect.stringMatching(/violations|clerk first/),
      ]);
      const { inquiryId, ...published } = events[1]!.data as Record<string, unknown>;
      const { answer } = (
        await call(t.app, 'GET', `/inquiries/${String(inquiryId)}`, { apiKey: keys[key]! })
      ).json() as { answer: Record<string, unknown> };
      const { reasons, amountsDue } = answer;
      expect([key, published]).toEqual([
        key,
        {
          outcome: 'blocked',
          answeredBy: 'clerk',
          ...(reasons ? { reasons } : {}),
          ...(amountsDue ? { amountsDue } : {}),
        },
      ]);
    }
  });

  it('refuses the feed to other roles, to keys without feed:read, and to the people of an inquiring office', async () => {
    const refused = [];
    for (const role of ROLES.filter((r) => r !== 'integrator')) {
      const res = await call(t.app, 'GET', '/feed', { token: token[role]! });
      if (res.statusCode !== 403) refused.push(`${role}: ${res.statusCode}`);
    }
    expect(refused).toEqual([]);
    expect((await call(t.app, 'GET', '/feed', { token: token['notary']! })).json()).toMatchObject({
      code: 'FEED.NOT_ALLOWED',
    });
    expect((await call(t.app, 'GET', '/feed', { apiKey: keys['notary-no-feed']! })).statusCode).toBe(403);
    expect((await call(t.app, 'GET', '/feed')).statusCode).toBe(401);
  });

  it('answers bad queries with 400 and a code', async () => {
    const as = { apiKey: keys['plain']! };
    const codeOf = async (url: string) => {
      const res = await call(t.app, 'GET', url, as);
      return [res.statusCode, (res.json() as { code: string }).code];
    };
    expect(await codeOf('/feed?limit=0')).toEqual([400, 'REQUEST.INVALID']);
    expect(await codeOf('/feed?limit=1001')).toEqual([400, 'REQUEST.INVALID']);
    expect(await codeOf('/feed?after=garbage!')).toEqual([400, 'FEED.INVALID_CURSOR']);
    expect(await codeOf('/feed?types=UserCreated')).toEqual([400, 'FEED.UNKNOWN_TYPE']);
    expect(await codeOf('/feed?categories=login')).toEqual([400, 'FEED.UNKNOWN_CATEGORY']);
  });

  it('keeps a page’s filters in its next link', async () => {
    const res = await call(
      t.app,
      'GET',
      '/feed?limit=2&types=PermitDraftOpened,PermitIssued&municipality=hamedan',
      {
        apiKey: keys['plain']!,
      },
    );
    const next = new URL(`http://x${/^<([^>]+)>/.exec(String(res.headers['link']))![1]!}`);
    expect(Object.fromEntries(next.searchParams)).toEqual({
      after: res.headers['x-next-cursor'],
      limit: '2',
      types: 'PermitDraftOpened,PermitIssued',
      municipality: 'hamedan',
    });
  });
});

describe('the feed’s rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { DAFTAR_DEMO_DATA: 'true', DAFTAR_FEED_RATE_LIMIT: '2' } });
    await untilReady(t.app, 90_000);
  }, 120_000);
  afterAll(() => t.close());

  it('answers 429 with Retry-After past the limit of one principal', async () => {
    const integrator = await signIn(t.app, 'integrator', DEMO_PASSWORD);
    const statuses = [];
    for (let i = 0; i < 3; i += 1)
      statuses.push((await call(t.app, 'GET', '/feed', { token: integrator })).statusCode);
    expect(statuses).toEqual([200, 200, 429]);
    const res = await call(t.app, 'GET', '/feed', { token: integrator });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });
});
