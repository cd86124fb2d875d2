import { parse } from 'csv-parse/sync';
import { join } from 'node:path';
import { AuditTrail } from '../../src/audit/audit-trail.js';
import { AUDIT_LOG_SUBSCRIBER } from '../../src/audit/audit-log/audit-log.tables.js';
import type { BackgroundAuditTrail } from '../../src/audit/record-access/background-audit-trail.js';
import { AUDIT_REPORTS_SUBSCRIBER } from '../../src/audit/reports/audit-reports.read-model.js';
import {
  DEMO_OVERRIDE_REASON,
  runDemo,
  type DemoResult,
} from '../../src/demo/walkthrough/demo-walkthrough.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { SubscriberRunner } from '../../src/event-store/subscriptions/subscriber-runner.js';
import { DEMO_PASSWORD } from '../../src/identity/demo/demo-data.js';
import { ROLES } from '../../src/identity/roles.js';
import { call, signIn } from '../support/http.js';
import { startTestApp, untilReady, type TestApp } from '../support/test-app.js';

/** Small, so that even the demo's few clerk actions take several pages. */
const PAGE = 4;

interface AuditRow {
  readonly id: string;
  readonly type: string;
  readonly municipality?: string;
  readonly actor: { readonly id: string; readonly role: string };
  readonly what: { readonly fa: string; readonly en: string };
}
interface AuditPage {
  readonly items: AuditRow[];
  readonly nextCursor?: string;
}

describe('oversight after npm run demo', () => {
  let t: TestApp;
  let store: EventStore;
  let demo: DemoResult;
  const token: Record<string, string> = {};

  const get = (url: string, who: string, headers: Record<string, string> = {}) =>
    call(t.app, 'GET', url, { token: token[who]!, headers });

  /** Writes the reads recorded in the background, and waits until oversight's read models show them. */
  async function settled(): Promise<void> {
    await (t.app.get(AuditTrail) as BackgroundAuditTrail).flush();
    const head = (await store.headPosition())!;
    const names = [AUDIT_LOG_SUBSCRIBER, AUDIT_REPORTS_SUBSCRIBER, 'projection:access_log'];
    expect(await t.app.get(SubscriberRunner).waitFor(head, { names, timeoutMs: 20_000 })).toBe(true);
  }

  /** Every row of an audit search, page after page by cursor. */
  async function allRows(query: string, who = 'oversight'): Promise<AuditRow[]> {
    const rows: AuditRow[] = [];
    let cursor: string | undefined;
    do {
      const res = await get(
        `/audit/events?${query}&pageSize=${PAGE}${cursor ? `&cursor=${cursor}` : ''}`,
        who,
      );
      expect([res.statusCode, res.statusCode === 200 ? '' : res.body]).toEqual([200, '']);
      const page = res.json() as AuditPage;
      rows.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return rows;
  }

  beforeAll(async () => {
    t = await startTestApp({ env: { DAFTAR_DEMO_DATA: 'true' } });
    await untilReady(t.app);
    await t.app.listen(0, '127.0.0.1');
    store = t.app.get<EventStore>(EVENT_STORE);
    demo = await runDemo(
      await t.app.getUrl(),
      () => undefined,
      join(t.config.dataDir, 'outbox', 'sms.jsonl'),
    );
    for (const role of ROLES) token[role] = await signIn(t.app, role, DEMO_PASSWORD);
    await settled();
  }, 120_000);
  afterAll(() => t.close());

  it('finds every action of the demo’s clerk, the fee override and the file read among them', async () => {
    const { events } = await store.readAll(undefined, { maxCount: 100_000 });
    const byClerk = events.filter((event) => event.metadata.actor.role === 'clerk');
    expect(byClerk.map((event) => event.type)).toEqual(
      expect.arrayContaining(['PermitTaken', 'MapOrderIssued', 'FeeOverridden', 'AccessRecorded']),
    );

    const found = await allRows('role=clerk');
    expect(found.length).toBeGreaterThan(PAGE);
    const ids = new Set(found.map((row) => row.id));
    expect(byClerk.filter((event) => !ids.has(event.id)).map((e) => `${e.type} ${e.id}`)).toEqual([]);
    expect(found.filter((row) => row.actor.role !== 'clerk' || row.municipality !== 'hamedan')).toEqual([]);
  });

  it('lists the seeded fee override with its reason in the overrides report', async () => {
    const res = await get('/audit/reports/overrides', 'oversight');
    expect(res.statusCode).toBe(200);
    expect(res.json().rows).toContainEqual(
      expect.objectContaining({
        kind: 'fee',
        permitId: demo.permitId,
        feeLine: 'PERMIT_FEE',
        reason: DEMO_OVERRIDE_REASON,
        actorRole: 'clerk',
        municipality: 'hamedan',
      }),
    );
  });

  it('exports the clerk’s actions as CSV that round-trips Persian through csv-parse', async () => {
    const query = `/audit/events?role=clerk&permitId=${demo.permitId}`;
    const json = (await get(`${query}&pageSize=200`, 'oversight')).json() as AuditPage;
    const res = await get(query, 'oversight', { accept: 'text/csv' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const rows = parse(res.rawPayload, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row['what_fa'])).toEqual(json.items.map((item) => item.what.fa));
    expect(rows.map((row) => row['what_fa'])).toContain('اصلاح عوارض');
    expect(rows.every((row) => /^[\u0600-\u06FF\u200c ]+$/.test(row['what_fa']!))).toBe(true);
  });

  it('refuses every /audit endpoint to every demo role but oversight', async () => {
    const { paths } = (await call(t.app, 'GET', '/openapi.json')).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const eventId = (await allRows('role=clerk&type=FeeOverridden'))[0]!.id;
    const clerkId = (await get('/me', 'clerk')).json().id as string;
    const urls = Object.keys(paths)
      .filter((path) => path.startsWith('/audit'))
      .map((path) =>
        path
          .replace('{report}', 'overrides')
          .replace('{id}', path.startsWith('/audit/events') ? eventId : clerkId),
      );
    expect(urls).toEqual(
      expect.arrayContaining([
        '/audit/events',
        `/audit/users/${clerkId}/activity`,
        '/audit/reports/overrides',
      ]),
    );
    const answers = (
      await Promise.all(
        ROLES.flatMap((role) =>
          urls.map(async (url) => `${role} ${url} ${(await get(url, role)).statusCode}`),
        ),
      )
    ).sort();
    const expected = ROLES.flatMap((role) =>
      urls.map((url) => `${role} ${url} ${role === 'oversight' ? 200 : 403}`),
    ).sort();
    expect(answers).toEqual(expected);
  });

  it('shows an oversight manager of another city nothing of Hamedan, and refuses to look there', async () => {
    const admin = token['admin']!;
    const city = { code: 'zanjan', name: 'Zanjan', nameFa: 'زنجان', regions: [], province: 'zanjan' };
    expect((await call(t.app, 'POST', '/municipalities', { token: admin, body: city })).statusCode).toBe(201);
    const manager = {
      username: 'zanjan-oversight',
      displayName: 'Oversight manager of Zanjan',
      password: 'zanjan-oversight-1',
      grants: [{ role: 'oversight', municipality: 'zanjan' }],
    };
    expect((await call(t.app, 'POST', '/users', { token: admin, body: manager })).statusCode).toBe(201);
    token['zanjan'] = await signIn(t.app, manager.username, manager.password);
    await settled();

    const seen = await allRows('type=FeeOverridden&type=PermitTaken&type=AccessRecorded', 'zanjan');
    expect(seen).toEqual([]);
    expect((await allRows(`permitId=${demo.permitId}`, 'zanjan')).length).toBe(0);
    expect((await allRows('role=clerk', 'zanjan')).length).toBe(0);
    expect((await allRows('', 'zanjan')).filter((row) => row.municipality !== 'zanjan')).toEqual([]);
    const refused = await get('/audit/events?municipality=hamedan', 'zanjan');
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'AUDIT.OUT_OF_SCOPE' });
    expect((await get('/audit/reports/overrides', 'zanjan')).json().rows).toEqual([]);
    const [override] = await allRows('role=clerk&type=FeeOverridden');
    expect((await get(`/audit/events/${override!.id}`, 'zanjan')).statusCode).toBe(404);
  });

  it('shows the demo citizen the clerk who opened their file, and why they read the permit itself', async () => {
    const purpose = 'بررسی سند پروانه';
    const content = await get(`/documents/${demo.permitDocument}/content.json`, 'clerk', {
      'daftar-purpose': encodeURIComponent(purpose),
    });
    expect(content.statusCode).toBe(200);
    await settled();

    const log = await get('/me/access-log?pageSize=100', 'citizen');
    expect(log.statusCode).toBe(200);
    const { items } = log.json() as { items: Record<string, unknown>[] };
    const clerk = { role: 'clerk', municipality: 'hamedan' };
    expect(items).toContainEqual(
      expect.objectContaining({ what: 'permit_file', subject: demo.permitId, reader: clerk }),
    );
    expect(items).toContainEqual(
      expect.objectContaining({
        what: 'document_content',
        subject: demo.permitDocument,
        purpose,
        reader: clerk,
      }),
    );
    expect(JSON.stringify(items)).not.toContain('Reza Karimi');
  });

  it('shows the demo citizen that the clerk saw their file in a worklist and read their payment', async () => {
    const worklist = await get('/permits?status=completed', 'clerk');
    expect(worklist.json().items).toContainEqual(expect.objectContaining({ permitId: demo.permitId }));
    const [started] = await allRows('type=PaymentStarted');
    const { paymentId } = (await get(`/audit/events/${started!.id}`, 'oversight')).json().data;
    expect((await get(`/payments/${paymentId}`, 'clerk')).statusCode).toBe(200);
    await settled();

    const { items } = (await get('/me/access-log?pageSize=100', 'citizen')).json() as {
      items: Record<string, unknown>[];
    };
    const clerk = { role: 'clerk', municipality: 'hamedan' };
    expect(items).toContainEqual(
      expect.objectContaining({
        what: 'permit_summary',
        subject: demo.permitId,
        purpose: 'worklist',
        reader: clerk,
      }),
    );
    expect(items).toContainEqual(
      expect.objectContaining({ what: 'payment', subject: paymentId, reader: clerk }),
    );
  });
});
