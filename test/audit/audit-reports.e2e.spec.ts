import { parse } from 'csv-parse/sync';
import { join } from 'node:path';
import {
  DEMO_OVERRIDE_REASON,
  DEMO_PERMIT_PARCEL,
  runDemo,
} from '../../src/demo/walkthrough/demo-walkthrough.js';
import { DEMO_PASSWORD, demoUsers } from '../../src/identity/demo/demo-data.js';
import { ROLES } from '../../src/identity/roles.js';
import { call, signIn } from '../support/http.js';
import { multipart, MULTIPART_CONTENT_TYPE } from '../support/multipart.js';
import { samplePdf } from '../support/sample-attachments.js';
import { startTestApp, untilReady, type TestApp } from '../support/test-app.js';
import { until } from '../support/until.js';

/** A clerk who is also the demo citizen (the same national id), and what they return a file for. */
const CONFLICTED = { username: 'clerk.applicant', displayName: 'رضا کریمی، کارشناس و متقاضی' };
const RETURN_REASON = 'سند مالکیت ناخوانا است';
const PASSWORD = 'a-long-enough-password';

type Row = Record<string, unknown>;

/** The reports follow the log in the background: ask again until the rows show what was done. */
function rowsUntil(rows: () => Promise<Row[]>, found: (rows: Row[]) => boolean): Promise<Row[]> {
  let last: Row[] = [];
  return until(
    'the report shows what was done',
    async () => {
      last = await rows();
      return found(last) ? last : undefined;
    },
    20_000,
    () => `Last rows: ${JSON.stringify(last)}`,
  );
}

describe('the oversight reports over HTTP, after the demo', () => {
  let t: TestApp;
  const token: Record<string, string> = {};
  const report = (name: string, query = '', headers: Record<string, string> = {}) =>
    call(t.app, 'GET', `/audit/reports/${name}${query}`, { token: token['oversight']!, headers });

  const rowsOf =
    (name: string, query = '') =>
    async () =>
      (await report(name, query)).json().rows as Row[];
  let demoPermitId: string;
  let permitId: string;

  beforeAll(async () => {
    // Working hours that no demo action falls in (a minute after Friday's midnight), so every one is late.
    t = await startTestApp({ env: { DAFTAR_DEMO_DATA: 'true', DAFTAR_WORKING_HOURS: 'fri 00:00-00:01' } });
    await untilReady(t.app);
    await t.app.listen(0, '127.0.0.1');
    ({ permitId: demoPermitId } = await runDemo(
      await t.app.getUrl(),
      () => undefined,
      join(t.config.dataDir, 'outbox', 'sms.jsonl'),
    ));
    for (const role of ['oversight', 'citizen', 'clerk', 'admin'])
      token[role] = await signIn(t.app, role, DEMO_PASSWORD);
    const citizen = demoUsers.find((u) => u.username === 'citizen')!;
    const created = await call(t.app, 'POST', '/users', {
      token: token['admin']!,
      body: {
        ...CONFLICTED,
        password: PASSWORD,
        nationalId: citizen.nationalId,
        grants: [{ role: 'clerk', municipality: 'hamedan' }],
      },
    });
    expect(created.statusCode).toBe(201);
    token['conflicted'] = await signIn(t.app, CONFLICTED.username, PASSWORD);
    permitId = await submittedFile();
    const as = (path: string, body?: unknown) =>
      call(t.app, 'POST', `/permits/${permitId}/${path}`, { token: token['conflicted']!, body });
    expect((await as('take')).statusCode).toBe(201);
    expect((await as('return', { reasons: [{ reason: RETURN_REASON }] })).statusCode).toBe(201);
  }, 120_000);
  afterAll(() => t.close());

  /** The demo citizen files a permit for the demo parcel and submits it with its documents. */
  async function submittedFile(): Promise<string> {
    const opened = await call(t.app, 'POST', '/permits', {
      token: token['citizen']!,
      body: { renewalCode: DEMO_PERMIT_PARCEL, applicationType: 'NewConstruction' },
    });
    const { permitId: id } = opened.json() as { permitId: string };
    for (const kind of ['ownership_deed', 'national_card', 'site_plan']) {
      const uploaded = await t.app.inject({
        method: 'POST',
        url: `/permits/${id}/attachments`,
        headers: { authorization: `Bearer ${token['citizen']}`, 'content-type': MULTIPART_CONTENT_TYPE },
        payload: multipart([
          { name: 'kind', value: kind },
          { name: 'file', fileName: `${kind}.pdf`, content: Buffer.concat([samplePdf, Buffer.from(kind)]) },
        ]),
      });
      expect(uploaded.statusCode).toBe(201);
    }
    expect(
      (await call(t.app, 'POST', `/permits/${id}/submission`, { token: token['citizen']! })).statusCode,
    ).toBe(201);
    return id;
  }

  it('lists the demo clerk’s fee override with its amounts and reason, naming the clerk', async () => {
    const rows = await rowsUntil(rowsOf('overrides'), (r) =>
      r.some((row) => row['permitId'] === demoPermitId),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({
        kind: 'fee',
        permitId: demoPermitId,
        feeLine: 'PERMIT_FEE',
        fromRials: expect.any(Number),
        toRials: expect.any(Number),
        reason: DEMO_OVERRIDE_REASON,
        actorRole: 'clerk',
        actorName: demoUsers.find((u) => u.username === 'clerk')!.displayName,
      }),
    );
  });

  it('counts the return per clerk and reason', async () => {
    const rows = await rowsUntil(rowsOf('returns'), (r) => r.some((row) => row['reason'] === RETURN_REASON));
    expect(rows).toContainEqual(
      expect.objectContaining({
        what: 'permit',
        reason: RETURN_REASON,
        count: 1,
        clerkName: CONFLICTED.displayName,
      }),
    );
  });

  it('finds the clerk taking and returning a file they applied for, by national id', async () => {
    const rows = await rowsUntil(rowsOf('conflicts'), (r) => r.length >= 2);
    expect(rows.filter((row) => row['subject'] === permitId)).toEqual([
      expect.objectContaining({
        eventType: 'PermitReturned',
        relation: 'applicant',
        actorName: CONFLICTED.displayName,
      }),
      expect.objectContaining({ eventType: 'PermitTaken', relation: 'applicant', actorRole: 'clerk' }),
    ]);
    // The demo clerk has no national id on record and acted on the same citizen's file: no conflict.
    expect(rows.filter((row) => row['subject'] === demoPermitId)).toEqual([]);
  });

  it('pages a list: a page says it is cut and where the next begins, in JSON and in CSV headers', async () => {
    await rowsUntil(rowsOf('conflicts'), (r) => r.length >= 2);
    const first = (await report('conflicts', '?pageSize=1')).json();
    expect(first.rows).toHaveLength(1);
    expect(first.page).toEqual({ pageSize: 1, truncated: true, nextCursor: expect.any(String) });
    const second = (await report('conflicts', `?pageSize=1&cursor=${first.page.nextCursor}`)).json();
    expect(second.rows[0].eventId).not.toBe(first.rows[0].eventId);
    expect(second.rows[0].at <= first.rows[0].at).toBe(true);
    const csv = await report('conflicts', '?pageSize=1', { accept: 'text/csv' });
    expect(csv.headers['x-truncated']).toBe('true');
    expect(csv.headers['x-next-cursor']).toBe(first.page.nextCursor);
    expect((await report('conflicts', '?cursor=nonsense')).json().code).toBe('REQUEST.INVALID_CURSOR');
    expect((await report('conflicts', '?pageSize=1001')).statusCode).toBe(400);
    expect((await report('turnaround')).json().page).toBeUndefined();
  });

  it('lists staff actions outside DAFTAR_WORKING_HOURS, on the Tehran clock', async () => {
    const rows = await rowsUntil(rowsOf('after-hours'), (r) =>
      r.some((row) => row['eventType'] === 'FeeOverridden'),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({
        eventType: 'FeeOverridden',
        municipality: 'hamedan',
        actorRole: 'clerk',
        tehranTime: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d$/),
      }),
    );
    expect(rows.every((row) => row['actorRole'] !== 'citizen')).toBe(true);
  });

  it('answers the files past their deadline now (none: the demo’s files are fresh)', async () => {
    const res = await report('deadlines');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ report: 'deadlines', rows: [] });
  });

  it('finds five wrong passwords for a clerk as a failure burst', async () => {
    let failures = 0;
    while (failures < 5) {
      const res = await call(t.app, 'POST', '/auth/token', {
        body: { username: CONFLICTED.username, password: 'not-the-password' },
      });
      if (res.statusCode === 401) failures += 1;
      else if (res.statusCode === 429)
        await new Promise((resolve) => setTimeout(resolve, Number(res.headers['retry-after']) * 1000 + 50));
      else throw new Error(`unexpected ${res.statusCode} ${res.body}`);
    }
    const rows = await rowsUntil(rowsOf('logins'), (r) =>
      r.some((row) => row['finding'] === 'failure_burst'),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({
        finding: 'failure_burst',
        username: CONFLICTED.username,
        displayName: CONFLICTED.displayName,
        count: expect.any(Number),
      }),
    );
    expect((await report('logins', '?municipality=hamedan&region=9')).json().rows).toEqual([]);
  }, 60_000);

  it('answers turnaround per stage from the demo’s walked file, with nearest-rank figures', async () => {
    const res = await report('turnaround');
    expect(res.statusCode).toBe(200);
    const { report: name, rows } = res.json();
    expect(name).toBe('turnaround');
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ process: 'permit', stage: 'under_review', count: expect.any(Number) }),
      ]),
    );
    const byClerk = (await report('turnaround', '?by=clerk&series=month')).json().rows;
    expect(byClerk.every((r: { clerkId?: string; period?: string }) => r.clerkId && r.period)).toBe(true);
  });

  it('counts the clerk’s actions per hour and the open files', async () => {
    const hours = (await report('activity')).json().rows.filter((r: { by: string }) => r.by === 'hour');
    expect(hours).toHaveLength(24);
    expect(hours.reduce((sum: number, r: { count: number }) => sum + r.count, 0)).toBeGreaterThan(0);
    expect((await report('open-files')).json().rows).toEqual(
      expect.arrayContaining([
        // The file the conflicted clerk returned waits for its applicant.
        expect.objectContaining({ process: 'permit', state: 'returned', count: 1 }),
      ]),
    );
  });

  it('answers CSV with a BOM that csv-parse reads back, Persian intact', async () => {
    const res = await report('turnaround', '?by=clerk', { accept: 'text/csv' });
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.body.charCodeAt(0)).toBe(0xfeff);
    const records = parse(res.body, { bom: true, columns: true }) as Record<string, string>[];
    expect(records.length).toBe((await report('turnaround', '?by=clerk')).json().rows.length);
    expect(Object.keys(records[0]!)).toEqual(expect.arrayContaining(['stage', 'clerkId', 'medianSeconds']));
  });

  it('refuses a municipality outside the grants, and bad filters, with a code', async () => {
    const other = await report('overrides', '?municipality=qazvin');
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('AUDIT.OUT_OF_SCOPE');
    expect((await report('overrides', '?from=yesterday')).json().code).toBe('AUDIT.INVALID_TIME');
    expect((await report('no-such-report')).statusCode).toBe(400);
  });

  it.each(ROLES.filter((r) => r !== 'oversight' && r !== 'citizen' && r !== 'clerk'))(
    'is 403 for %s',
    async (role) => {
      const res = await call(t.app, 'GET', '/audit/reports/overrides', {
        token: await signIn(t.app, role, DEMO_PASSWORD),
      });
      expect(res.statusCode).toBe(403);
    },
  );

  it.each(['citizen', 'clerk'])('is 403 for %s', async (role) => {
    expect((await call(t.app, 'GET', '/audit/reports/returns', { token: token[role]! })).statusCode).toBe(
      403,
    );
  });
});
