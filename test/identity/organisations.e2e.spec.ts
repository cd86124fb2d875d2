import { bootstrapAdmin, signedInUser } from '../support/bootstrap-admin.js';
import { hamedan, registerAll } from '../support/directory.js';
import { call } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const notary = {
  id: 'notary-12-hamedan',
  kind: 'notary_office',
  name: 'Notary office 12 of Hamedan',
  nameFa: 'دفتر اسناد رسمی ۱۲ همدان',
  officeNumber: '12',
  municipality: 'hamedan',
};

const registered = { ...notary, id: 'notary-11-hamedan', officeNumber: '11' };
const bank = (municipality: string) => ({
  id: `bank-melli-${municipality}`,
  kind: 'bank',
  name: 'Bank Melli',
  municipality,
});

async function withMunicipalities(): Promise<{ t: TestApp; admin: string }> {
  const t = await startTestApp();
  const admin = await bootstrapAdmin(t.app);
  await registerAll(t.app, admin, {
    municipalities: [hamedan, { code: 'tehran', name: 'Tehran', nameFa: 'تهران' }],
  });
  return { t, admin };
}

describe('organisations: admins register, list and deactivate them', () => {
  let t: TestApp;
  let admin: string;
  let citizen: string;
  beforeAll(async () => {
    ({ t, admin } = await withMunicipalities());
    citizen = (await signedInUser(t.app, 'citizen-1', [{ role: 'citizen' }])).token;
    await registerAll(t.app, admin, { organisations: [registered] });
  });
  afterAll(() => t.close());

  it('registers a notary office and shows it', async () => {
    const res = await call(t.app, 'POST', '/organisations', { token: admin, body: notary });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      ...notary,
      active: true,
      registeredAt: expect.any(String),
      deactivatedAt: null,
      deactivationReason: null,
    });
    const one = await call(t.app, 'GET', '/organisations/notary-12-hamedan', { token: admin });
    expect(one.json()).toEqual(res.json());
  });

  it('registers an organisation without the optional fields', async () => {
    const res = await call(t.app, 'POST', '/organisations', {
      token: admin,
      body: { id: 'central-registry', kind: 'integrator', name: 'Property registry' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ nameFa: null, officeNumber: null, municipality: null });
  });

  // It counts what the register holds, so it starts from an empty one.
  describe('on an empty register', () => {
    let t: TestApp;
    let admin: string;
    beforeEach(async () => ({ t, admin } = await withMunicipalities()));
    afterEach(() => t.close());

    it('lists organisations by kind and municipality, a page at a time', async () => {
      await registerAll(t.app, admin, {
        organisations: [
          notary,
          { id: 'central-registry', kind: 'integrator', name: 'Property registry' },
          bank('hamedan'),
          bank('tehran'),
        ],
      });
      const ids = async (query: string) => {
        const res = await call(t.app, 'GET', `/organisations?${query}`, { token: admin });
        expect(res.statusCode).toBe(200);
        return res.json().items.map((o: { id: string }) => o.id);
      };
      expect(await ids('kind=bank')).toEqual(['bank-melli-hamedan', 'bank-melli-tehran']);
      expect(await ids('municipality=hamedan')).toEqual(['bank-melli-hamedan', 'notary-12-hamedan']);
      expect(await ids('kind=bank&municipality=tehran')).toEqual(['bank-melli-tehran']);
      const page = await call(t.app, 'GET', '/organisations?pageSize=2&page=2', { token: admin });
      expect(page.json()).toMatchObject({ total: 4, page: 2, pageSize: 2 });
      expect(page.json().items).toHaveLength(2);
      const badKind = await call(t.app, 'GET', '/organisations?kind=ministry', { token: admin });
      expect([badKind.statusCode, badKind.json().code]).toEqual([400, 'REQUEST.INVALID']);
    });
  });

  it.each([
    [
      'a notary office without its number',
      400,
      'ORGANISATION.OFFICE_NUMBER_REQUIRED',
      { ...notary, id: 'notary-13', officeNumber: undefined },
    ],
    [
      'an unknown municipality',
      404,
      'MUNICIPALITY.NOT_FOUND',
      { ...notary, id: 'notary-14', municipality: 'atlantis' },
    ],
    ['a registered id', 409, 'ORGANISATION.ALREADY_EXISTS', registered],
    ['an unknown kind', 400, 'REQUEST.INVALID', { ...notary, id: 'ministry-1', kind: 'ministry' }],
    ['a malformed id', 400, 'REQUEST.INVALID', { ...notary, id: 'Notary 12' }],
    ['a numeric office number', 400, 'REQUEST.INVALID', { ...notary, id: 'notary-15', officeNumber: 15 }],
    ['an unknown field', 400, 'REQUEST.UNKNOWN_FIELD', { ...notary, id: 'notary-16', owner: 'x' }],
  ])('refuses %s with %i %s', async (_, status, code, body) => {
    const res = await call(t.app, 'POST', '/organisations', { token: admin, body });
    expect([res.statusCode, res.json().code]).toEqual([status, code]);
  });

  it('deactivates an organisation once; doing it again changes nothing', async () => {
    await registerAll(t.app, admin, { organisations: [bank('tehran')] });
    const body = { reason: 'licence withdrawn' };
    const res = await call(t.app, 'POST', '/organisations/bank-melli-tehran/deactivate', {
      token: admin,
      body,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      active: false,
      deactivatedAt: expect.any(String),
      deactivationReason: 'licence withdrawn',
    });
    const again = await call(t.app, 'POST', '/organisations/bank-melli-tehran/deactivate', {
      token: admin,
      body: { reason: 'again' },
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().deactivationReason).toBe('licence withdrawn');
  });

  it('answers 404 for an unknown organisation and 400 for a deactivation without a reason', async () => {
    const get = await call(t.app, 'GET', '/organisations/nobody', { token: admin });
    expect([get.statusCode, get.json().code]).toEqual([404, 'ORGANISATION.NOT_FOUND']);
    const deactivate = await call(t.app, 'POST', '/organisations/nobody/deactivate', {
      token: admin,
      body: { reason: 'gone' },
    });
    expect([deactivate.statusCode, deactivate.json().code]).toEqual([404, 'ORGANISATION.NOT_FOUND']);
    const noReason = await call(t.app, 'POST', '/organisations/notary-12-hamedan/deactivate', {
      token: admin,
      body: {},
    });
    expect([noReason.statusCode, noReason.json().code]).toEqual([400, 'REQUEST.INVALID']);
  });

  it.each([
    ['POST', '/organisations', { ...notary, id: 'notary-99' }],
    ['GET', '/organisations', undefined],
    ['GET', '/organisations/notary-12-hamedan', undefined],
    ['POST', '/organisations/notary-12-hamedan/deactivate', { reason: 'not allowed' }],
  ] as const)('lets only admins %s %s: 403 for a citizen, 401 for anonymous', async (method, url, body) => {
    const forbidden = await call(t.app, method, url, { token: citizen, body });
    expect([forbidden.statusCode, forbidden.json().code]).toEqual([403, 'AUTH.FORBIDDEN']);
    const anonymous = await call(t.app, method, url, { body });
    expect([anonymous.statusCode, anonymous.json().code]).toEqual([401, 'AUTH.UNAUTHENTICATED']);
  });
});
