import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { bootstrapAdmin, signedInUser } from '../support/bootstrap-admin.js';
import { hamedan, registerAll } from '../support/directory.js';
import { call } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('municipalities: admins register them and their regions, anyone reads them', () => {
  let t: TestApp;
  let admin: string;
  let citizen: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await bootstrapAdmin(t.app);
    citizen = (await signedInUser(t.app, 'citizen-1', [{ role: 'citizen' }])).token;
    await registerAll(t.app, admin, { municipalities: [hamedan] });
  });
  afterAll(() => t.close());

  // These count what the register holds, so each starts from an empty one.
  describe('on an empty register', () => {
    let t: TestApp;
    let admin: string;
    beforeEach(async () => {
      t = await startTestApp();
      admin = await bootstrapAdmin(t.app);
    });
    afterEach(() => t.close());

    it('registers a municipality, recorded as the admin did it, and shows it to anonymous callers', async () => {
      const res = await call(t.app, 'POST', '/municipalities', { token: admin, body: hamedan });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toEqual({
        ...hamedan,
        registeredAt: expect.any(String),
        updatedAt: expect.any(String),
      });

      const [event] = await t.app.get<EventStore>(EVENT_STORE).readStream('municipality-hamedan');
      expect(event).toMatchObject({ type: 'MunicipalityRegistered', data: hamedan });
      expect(event!.metadata.actor).toEqual({ id: expect.any(String), role: 'admin' });

      expect(res.headers['etag']).toBe('"0"');
      expect(res.headers['location']).toBe('/municipalities/hamedan');
      const one = await call(t.app, 'GET', String(res.headers['location']));
      expect(one.statusCode).toBe(200);
      expect(one.json()).toEqual(res.json());
      const list = await call(t.app, 'GET', '/municipalities');
      expect(list.json()).toEqual({ items: [res.json()], total: 1, page: 1, pageSize: 20 });
    });

    it('pages through municipalities', async () => {
      await registerAll(t.app, admin, { municipalities: [hamedan] });
      await call(t.app, 'POST', '/municipalities', {
        token: admin,
        body: { code: 'tehran', name: 'Tehran', nameFa: 'تهران' },
      });
      const page = await call(t.app, 'GET', '/municipalities?page=2&pageSize=1');
      expect(page.json()).toMatchObject({
        total: 2,
        page: 2,
        pageSize: 1,
        items: [{ code: 'tehran', regions: [] }],
      });
      for (const query of ['page=0', 'pageSize=101', 'pageSize=abc']) {
        const bad = await call(t.app, 'GET', `/municipalities?${query}`);
        expect([bad.statusCode, bad.json().code]).toEqual([400, 'REQUEST.INVALID']);
      }
      const unknown = await call(t.app, 'GET', '/municipalities?sort=code');
      expect([unknown.statusCode, unknown.json().code]).toEqual([400, 'REQUEST.UNKNOWN_FIELD']);
    });
  });

  it('adds a region, which the next read shows', async () => {
    const res = await call(t.app, 'POST', '/municipalities/hamedan/regions', {
      token: admin,
      body: { code: '3', name: 'منطقه ۳' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().regions.map((r: { code: string }) => r.code)).toEqual(['1', '2', '3']);
    const one = await call(t.app, 'GET', '/municipalities/hamedan');
    expect(one.json().regions).toHaveLength(3);
  });

  it('answers a repeated Idempotency-Key with the first result instead of 409', async () => {
    const body = { code: 'tabriz', name: 'Tabriz', nameFa: 'تبریز' };
    const headers = { 'idempotency-key': 'register-tabriz-1' };
    const first = await call(t.app, 'POST', '/municipalities', { token: admin, body, headers });
    const again = await call(t.app, 'POST', '/municipalities', { token: admin, body, headers });
    expect([first.statusCode, again.statusCode]).toEqual([201, 201]);
    expect(await t.app.get<EventStore>(EVENT_STORE).readStream('municipality-tabriz')).toHaveLength(1);
  });

  it.each([
    ['a registered code', 409, 'MUNICIPALITY.ALREADY_EXISTS', hamedan],
    ['an upper-case code', 400, 'REQUEST.INVALID', { ...hamedan, code: 'Hamedan' }],
    ['a missing Persian name', 400, 'REQUEST.INVALID', { code: 'qom', name: 'Qom' }],
    ['an unknown field', 400, 'REQUEST.UNKNOWN_FIELD', { ...hamedan, code: 'qom', mayor: 'x' }],
    [
      'an unknown field in a region',
      400,
      'REQUEST.UNKNOWN_FIELD',
      { ...hamedan, code: 'qom', regions: [{ code: '1', name: 'a', x: 1 }] },
    ],
    [
      'a region listed twice',
      400,
      'MUNICIPALITY.DUPLICATE_REGION',
      { ...hamedan, code: 'qom', regions: [hamedan.regions[0], hamedan.regions[0]] },
    ],
  ])('refuses %s with %i %s', async (_, status, code, body) => {
    const res = await call(t.app, 'POST', '/municipalities', { token: admin, body });
    expect([res.statusCode, res.json().code]).toEqual([status, code]);
  });

  it('refuses a region twice, and regions of an unknown municipality', async () => {
    const twice = await call(t.app, 'POST', '/municipalities/hamedan/regions', {
      token: admin,
      body: { code: '1', name: 'again' },
    });
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'MUNICIPALITY.REGION_EXISTS']);
    const unknown = await call(t.app, 'POST', '/municipalities/atlantis/regions', {
      token: admin,
      body: { code: '1', name: 'one' },
    });
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'MUNICIPALITY.NOT_FOUND']);
    const bad = await call(t.app, 'POST', '/municipalities/hamedan/regions', {
      token: admin,
      body: { code: 'Region 9', name: 'x' },
    });
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'REQUEST.INVALID']);
    const missing = await call(t.app, 'GET', '/municipalities/atlantis');
    expect([missing.statusCode, missing.json().code]).toEqual([404, 'MUNICIPALITY.NOT_FOUND']);
  });

  it.each([
    ['/municipalities', { code: 'karaj', name: 'Karaj', nameFa: 'کرج' }],
    ['/municipalities/hamedan/regions', { code: '9', name: 'منطقه ۹' }],
  ])('lets only admins POST %s: 403 for a citizen, 401 for anonymous', async (url, body) => {
    const forbidden = await call(t.app, 'POST', url, { token: citizen, body });
    expect([forbidden.statusCode, forbidden.json().code]).toEqual([403, 'AUTH.FORBIDDEN']);
    const anonymous = await call(t.app, 'POST', url, { body });
    expect([anonymous.statusCode, anonymous.json().code]).toEqual([401, 'AUTH.UNAUTHENTICATED']);
  });
});
