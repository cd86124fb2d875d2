import { DEMO_PASSWORD } from '../../src/identity/demo/demo-data.js';
import { MUNICIPAL_ROLES, type Role } from '../../src/identity/roles.js';
import { signedInUser } from '../support/bootstrap-admin.js';
import { call, signIn } from '../support/http.js';
import { startTestApp, untilReady, type TestApp } from '../support/test-app.js';
import { hamedanRecords, type HamedanRecords } from './hamedan-records.js';

/** What the tables below look at: hamedan's records, and the user id of its clerk. */
type Seen = HamedanRecords & { readonly clerkId: string };
interface Access {
  readonly roles?: readonly Role[];
  readonly authenticated?: true;
}

/** Staff GET routes naming one record: hamedan's `seenBy` reads each URL, other cities' staff get 404. */
const RECORD_ROUTES: Record<string, { seenBy: Role; urls: (r: Seen) => string[] }> = {
  'GET /permits/{id}': {
    seenBy: 'clerk',
    urls: (r) => [`/permits/${r.submittedFile}`, `/permits/${r.paidFile}`],
  },
  'GET /permits/{id}/timeline': { seenBy: 'clerk', urls: (r) => [`/permits/${r.submittedFile}/timeline`] },
  'GET /permits/{id}/attachments/{sha256}': {
    seenBy: 'clerk',
    urls: (r) => [`/permits/${r.submittedFile}/attachments/${r.attachment}`],
  },
  'GET /permits/{id}/refunds': { seenBy: 'cashier', urls: (r) => [`/permits/${r.paidFile}/refunds`] },
  'GET /inquiries/{id}': {
    seenBy: 'clerk',
    urls: (r) => [`/inquiries/${r.waitingInquiry}`, `/inquiries/${r.answeredInquiry}`],
  },
  'GET /payments/{paymentId}': { seenBy: 'cashier', urls: (r) => [`/payments/${r.payment}`] },
  'GET /refunds/{refundId}': { seenBy: 'cashier', urls: (r) => [`/refunds/${r.refund}`] },
  ...Object.fromEntries(
    ['', '/content.json', '/signature.p7s', '/qr.png', '/qr.svg', '/barcode.png'].map((tail) => [
      `GET /documents/{code}${tail}`,
      {
        seenBy: 'clerk' as Role,
        urls: (r: Seen) => [r.permitDocument, r.answerDocument].map((code) => `/documents/${code}${tail}`),
      },
    ]),
  ),
  'GET /parcels/{renewalCode}/debts': {
    seenBy: 'cashier',
    urls: () => ['/parcels/1-1-1-2-0-0-0/debts?municipality=hamedan'],
  },
  'GET /audit/events/{id}': { seenBy: 'oversight', urls: (r) => [`/audit/events/${r.inquiryEvent}`] },
  'GET /audit/users/{id}/activity': {
    seenBy: 'oversight',
    urls: (r) => [`/audit/users/${r.clerkId}/activity`],
  },
};

/** The demo parcels of hamedan the seeded files and inquiries are on. */
const HAMEDAN_PARCELS = ['1-1-1-1-0-0-0', '1-1-1-2-0-0-0'];

/**
 * Staff GET routes answering many records, each also asked for hamedan's records by filter: hamedan's
 * `seenBy` finds `shows` in the first URL's answer, other cities' staff nothing of hamedan's in any.
 */
const LIST_ROUTES: Record<
  string,
  { seenBy: Role; urls: (r: Seen, reports: string[]) => string[]; shows: (r: Seen) => string }
> = {
  'GET /permits': {
    seenBy: 'clerk',
    urls: () => ['/permits?pageSize=100', ...HAMEDAN_PARCELS.map((code) => `/permits?renewalCode=${code}`)],
    shows: (r) => r.submittedFile,
  },
  'GET /inspections/worklist': {
    seenBy: 'oversight',
    urls: () => ['/inspections/worklist?pageSize=100', '/inspections/worklist?unassigned=false'],
    shows: (r) => r.inspectedFile,
  },
  'GET /inquiries': {
    seenBy: 'clerk',
    urls: () => [
      '/inquiries?pageSize=100',
      '/inquiries?status=answered&pageSize=100',
      ...HAMEDAN_PARCELS.map((code) => `/inquiries?renewalCode=${code}`),
    ],
    shows: (r) => r.waitingInquiry,
  },
  'GET /audit/events': {
    seenBy: 'oversight',
    urls: (r) => [
      `/audit/events?inquiryId=${r.waitingInquiry}`,
      `/audit/events?permitId=${r.paidFile}`,
      `/audit/events?documentCode=${r.permitDocument}`,
      `/audit/events?actor=${r.clerkId}`,
      '/audit/events?pageSize=100',
    ],
    shows: (r) => r.waitingInquiry,
  },
  // Reports count rather than name records: the turnaround report counts hamedan's inquiry, the others are only checked for leaks.
  'GET /audit/reports/{report}': {
    seenBy: 'oversight',
    urls: (_, reports) =>
      ['turnaround', ...reports.filter((r) => r !== 'turnaround')].map(
        (report) => `/audit/reports/${report}`,
      ),
    shows: () => '"process":"inquiry","stage":"Transfer"',
  },
};

/** Staff GET routes about the caller alone, holding no municipality's records. */
const OWN_ROUTES = ['GET /me', 'GET /me/notifications'];

describe('another municipality’s staff get 404 on hamedan’s records and see nothing of them in lists', () => {
  let t: TestApp;
  let seen: Seen;
  let operations: Map<
    string,
    { access: Access; parameters: { name: string; schema?: { enum?: string[] } }[] }
  >;
  const hamedanStaff: Partial<Record<Role, string>> = {};
  const qazvinStaff: Partial<Record<Role, string>> = {};

  /** Municipal roles that may call the route at all; others get 403 before any record rule. */
  const staffRolesOf = (route: string): readonly Role[] => {
    const { access } = operations.get(route)!;
    return access.authenticated ? MUNICIPAL_ROLES : MUNICIPAL_ROLES.filter((r) => access.roles?.includes(r));
  };
  const get = (url: string, token: string) => call(t.app, 'GET', url, { token });
  const reportNames = () =>
    operations.get('GET /audit/reports/{report}')!.parameters.find((p) => p.name === 'report')!.schema!.enum!;

  beforeAll(async () => {
    t = await startTestApp({ env: { DAFTAR_DEMO_DATA: 'true' } });
    await untilReady(t.app);
    // The demo data registers qazvin beside hamedan.
    for (const role of MUNICIPAL_ROLES) {
      hamedanStaff[role] = await signIn(t.app, role, DEMO_PASSWORD);
      qazvinStaff[role] = (
        await signedInUser(t.app, `qazvin-${role}`, [{ role, municipality: 'qazvin' }])
      ).token;
    }
    const demo = async (user: string) => signIn(t.app, user, DEMO_PASSWORD);
    const tokens = {
      citizen: await demo('citizen'),
      notary: await demo('notary'),
      clerk: hamedanStaff.clerk!,
    };
    const records = await hamedanRecords(t.app, (user) => tokens[user]);
    seen = { ...records, clerkId: (await get('/me', tokens.clerk)).json().id };

    const spec = (await call(t.app, 'GET', '/openapi.json')).json();
    operations = new Map();
    for (const [path, item] of Object.entries<Record<string, Record<string, unknown>>>(spec.paths))
      for (const [method, operation] of Object.entries(item))
        operations.set(`${method.toUpperCase()} ${path}`, {
          access: (operation['x-daftar-access'] ?? {}) as Access,
          parameters: (operation['parameters'] ?? []) as never,
        });
  }, 120_000);
  afterAll(() => t.close());

  it('covers every GET route staff may call (add a new one to a table here)', () => {
    const staffGets = [...operations.keys()].filter(
      (route) => route.startsWith('GET ') && staffRolesOf(route).length > 0,
    );
    const covered = [...Object.keys(RECORD_ROUTES), ...Object.keys(LIST_ROUTES), ...OWN_ROUTES];
    const addHere = staffGets.filter((r) => !covered.includes(r));
    expect({ 'not covered, add it to a table here': addHere }).toEqual({
      'not covered, add it to a table here': [],
    });
    expect({ 'gone, remove it here': covered.filter((r) => !staffGets.includes(r)) }).toEqual({
      'gone, remove it here': [],
    });
  });

  describe.each(Object.entries(RECORD_ROUTES))('%s', (route, { seenBy, urls }) => {
    it(`is read by hamedan’s ${seenBy} and is 404 to every staff role of qazvin`, async () => {
      const answers: Record<string, number> = {};
      for (const url of urls(seen)) {
        expect([url, (await get(url, hamedanStaff[seenBy]!)).statusCode]).toEqual([url, 200]);
        for (const role of staffRolesOf(route))
          answers[`${role} ${url}`] = (await get(url, qazvinStaff[role]!)).statusCode;
      }
      expect(Object.values(answers).length).toBeGreaterThan(0);
      expect(answers).toEqual(Object.fromEntries(Object.keys(answers).map((k) => [k, 404])));
    });
  });

  describe.each(Object.entries(LIST_ROUTES))('%s', (route, { seenBy, urls, shows }) => {
    it(`shows hamedan’s ${seenBy} its record and no staff role of qazvin any of hamedan’s`, async () => {
      const hamedans = [...Object.values(seen), '"hamedan"'];
      const all = urls(seen, reportNames());
      for (const url of all) {
        const own = await get(url, hamedanStaff[seenBy]!);
        expect([url, own.statusCode]).toEqual([url, 200]);
        if (url === all[0]) expect(own.body).toContain(shows(seen));
        for (const role of staffRolesOf(route)) {
          const other = await get(url, qazvinStaff[role]!);
          expect([role, url, other.statusCode]).toEqual([role, url, 200]);
          const leaked = hamedans.filter((id) => other.body.includes(id));
          // A report names no record: what hamedan's shows of its record is the leak to look for.
          if (url === all[0]) leaked.push(...[shows(seen)].filter((s) => other.body.includes(s)));
          expect([role, url, leaked]).toEqual([role, url, []]);
        }
      }
    });
  });
});
