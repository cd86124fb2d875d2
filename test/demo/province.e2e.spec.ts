import { DEMO_PASSWORD } from '../../src/identity/demo/demo-data.js';
import { provinceDemoUsers } from '../../src/identity/demo/province-demo-data.js';
import { AuditTrail } from '../../src/audit/audit-trail.js';
import type { BackgroundAuditTrail } from '../../src/audit/record-access/background-audit-trail.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { SubscriberRunner } from '../../src/event-store/subscriptions/subscriber-runner.js';
import { registeredCitizen } from '../support/citizens.js';
import { call, signIn } from '../support/http.js';
import { multipart, MULTIPART_CONTENT_TYPE } from '../support/multipart.js';
import { samplePdf } from '../support/sample-attachments.js';
import { startTestApp, untilReady, type TestApp } from '../support/test-app.js';

/** A parcel of each demo city and an owner of it who owes nothing there. */
const FILES = {
  hamedan: { renewalCode: '1-1-1-1-0-0-0', owner: '0013542419' },
  qazvin: { renewalCode: '2-1-8-21-0-0-0', owner: '4322705197' },
  takestan: { renewalCode: '1-2-6-30-0-0-0', owner: '4326071524' },
} as const;
type City = keyof typeof FILES;
const CITIES = Object.keys(FILES) as City[];

describe('the demo as a province: Hamedan, and Qazvin and Takestan of Qazvin province', () => {
  let t: TestApp;
  const token: Record<string, string> = {};
  const permit = {} as Record<City, string>;
  const inquiry = {} as Record<City, { inquiryId: string; status: string }>;

  const get = (url: string, who: string) => call(t.app, 'GET', url, { token: token[who]! });

  /** A citizen opens a file on their own parcel, uploads its papers and submits it; and asks for a no-violation certificate. */
  async function fileIn(city: City): Promise<void> {
    const { renewalCode, owner } = FILES[city];
    const citizen =
      city === 'hamedan'
        ? await signIn(t.app, 'citizen', DEMO_PASSWORD)
        : await registeredCitizen(t.app, owner);
    const as = (url: string, body?: unknown) => call(t.app, 'POST', url, { token: citizen, body });
    const opened = await as('/permits', { renewalCode, applicationType: 'NewConstruction' });
    expect([opened.statusCode, opened.json().municipality]).toEqual([201, city]);
    permit[city] = opened.json().permitId;
    for (const kind of ['ownership_deed', 'national_card', 'site_plan']) {
      const uploaded = await t.app.inject({
        method: 'POST',
        url: `/permits/${permit[city]}/attachments`,
        headers: { authorization: `Bearer ${citizen}`, 'content-type': MULTIPART_CONTENT_TYPE },
        payload: multipart([
          { name: 'kind', value: kind },
          {
            name: 'file',
            fileName: `${kind}.pdf`,
            content: Buffer.concat([samplePdf, Buffer.from(city + kind)]),
          },
        ]),
      });
      expect(uploaded.statusCode).toBe(201);
    }
    expect((await as(`/permits/${permit[city]}/submission`)).statusCode).toBe(201);
    const asked = await as('/inquiries', {
      kind: 'NoViolation',
      renewalCode,
      requesterReference: `NV-${city}`,
      purpose: 'گواهی عدم خلاف',
    });
    expect([asked.statusCode, asked.json().municipality]).toEqual([201, city]);
    inquiry[city] = asked.json();
  }

  /** Writes the reads recorded in the background, and waits until every subscriber has seen the log. */
  async function settled(): Promise<void> {
    await (t.app.get(AuditTrail) as BackgroundAuditTrail).flush();
    const head = (await t.app.get<EventStore>(EVENT_STORE).headPosition())!;
    expect(await t.app.get(SubscriberRunner).waitFor(head, { timeoutMs: 20_000 })).toBe(true);
  }

  /** The municipalities of every row of an audit search, page after page. */
  async function auditedCities(who: string, query: string): Promise<string[]> {
    const cities = new Set<string>();
    let cursor: string | undefined;
    do {
      const res = await get(`/audit/events?${query}&pageSize=100${cursor ? `&cursor=${cursor}` : ''}`, who);
      expect([res.statusCode, res.statusCode === 200 ? '' : res.body]).toEqual([200, '']);
      for (const row of res.json().items as { municipality?: string }[]) cities.add(row.municipality ?? '');
      cursor = res.json().nextCursor;
    } while (cursor);
    return [...cities].sort();
  }

  beforeAll(async () => {
    t = await startTestApp({ env: { DAFTAR_DEMO_DATA: 'true' } });
    await untilReady(t.app);
    for (const { username } of provinceDemoUsers)
      token[username] = await signIn(t.app, username, DEMO_PASSWORD);
    for (const user of ['clerk', 'oversight']) token[user] = await signIn(t.app, user, DEMO_PASSWORD);
    for (const city of CITIES) await fileIn(city);
    await settled();
  }, 120_000);
  afterAll(() => t.close());

  it('has three municipalities, two of them in Qazvin province, each with its own rule set and parcels', async () => {
    const { items } = (await call(t.app, 'GET', '/municipalities')).json() as {
      items: { code: string; province?: string }[];
    };
    expect(items.map((m) => [m.code, m.province])).toEqual([
      ['hamedan', 'hamedan'],
      ['qazvin', 'qazvin'],
      ['takestan', 'qazvin'],
    ]);
    const prices = await Promise.all(
      CITIES.map(
        async (city) => (await call(t.app, 'GET', `/rule-sets/${city}`)).json().tariffs.regionalPrices,
      ),
    );
    expect(new Set(prices.map((p) => JSON.stringify(p))).size).toBe(3);
  });

  it('shows a clerk only the files and inquiries of their own city', async () => {
    const seen: string[] = [];
    const expected: string[] = [];
    for (const city of CITIES) {
      const clerk = city === 'hamedan' ? 'clerk' : `clerk_${city}`;
      const files = (await get('/permits?pageSize=100', clerk)).json().items as { permitId: string }[];
      for (const other of CITIES) {
        const { inquiryId, status } = inquiry[other];
        const listed = (await get(`/inquiries?status=${status}&pageSize=100`, clerk)).json().items as {
          inquiryId: string;
        }[];
        seen.push(
          [
            clerk,
            other,
            files.some((f) => f.permitId === permit[other]),
            (await get(`/permits/${permit[other]}`, clerk)).statusCode,
            listed.some((i) => i.inquiryId === inquiryId),
            (await get(`/inquiries/${inquiryId}`, clerk)).statusCode,
          ].join(' '),
        );
        const own = other === city;
        expected.push([clerk, other, own, own ? 200 : 404, own, own ? 200 : 404].join(' '));
      }
    }
    expect(seen).toEqual(expected);
    const take = await call(t.app, 'POST', `/permits/${permit.takestan}/take`, {
      token: token['clerk_qazvin']!,
    });
    expect(take.statusCode).toBe(404);
  });

  it('shows the provincial oversight manager of Qazvin both of its cities, and nothing of Hamedan', async () => {
    expect(await auditedCities('oversight_qazvin', 'type=PermitSubmitted')).toEqual(['qazvin', 'takestan']);
    expect(await auditedCities('oversight_qazvin', 'type=ParcelRegistered')).toEqual(['qazvin', 'takestan']);
    const refused = await get('/audit/events?municipality=hamedan', 'oversight_qazvin');
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'AUDIT.OUT_OF_SCOPE']);
    const openFiles = (await get('/audit/reports/open-files', 'oversight_qazvin')).json().rows as {
      municipality: string;
    }[];
    expect([...new Set(openFiles.map((row) => row.municipality))].sort()).toEqual(['qazvin', 'takestan']);
  });

  it('shows the manager of both provinces all three cities, and Hamedan’s own manager only Hamedan', async () => {
    expect(await auditedCities('oversight_provinces', 'type=PermitSubmitted')).toEqual(CITIES);
    expect(await auditedCities('oversight', 'type=PermitSubmitted')).toEqual(['hamedan']);
    const refused = await get('/audit/events?municipality=takestan', 'oversight');
    expect(refused.statusCode).toBe(403);
  });
});
