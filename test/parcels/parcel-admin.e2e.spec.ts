import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { parcelStream } from '../../src/parcels/parcel.events.js';
import { bootstrapAdmin, signedInUser } from '../support/bootstrap-admin.js';
import { consentFor, registeredCitizen } from '../support/citizens.js';
import { hamedan, registerAll } from '../support/directory.js';
import { call } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const OWNER = '0499370899';
const BUYER = '0013542419';
const STRANGER = '3860123459';

const parcel = {
  municipality: 'hamedan',
  renewalCode: '01-1-07-3-0-0-0',
  areaM2: 250.5,
  streetWidthM: 12,
  zone: 'R2',
  landUse: 'residential',
  owners: [{ nationalId: '۰۴۹۹۳۷۰۸۹۹', name: ' زهرا احمدی ', sharePct: 100 }],
  existingBuilding: { floors: 2, areaM2: 300 },
};
const CODE = '1-1-7-3-0-0-0';

describe('parcels: staff register and change them, bill and take renewal dues; owners see their debts', () => {
  let t: TestApp;
  let admin: string;
  let clerk: string;
  let cashier: string;
  let clerkOfTehran: string;
  let clerkOfRegion2: string;
  let owner: string;
  let stranger: string;
  let counterOffice: string;

  /** Registers a parcel like `parcel` under `renewalCode` (canonical), as the municipality's clerk or an admin. */
  async function registered(renewalCode: string, changes: Record<string, unknown> = {}): Promise<string> {
    const body = { ...parcel, renewalCode, ...changes };
    const res = await call(t.app, 'POST', '/parcels', {
      token: body.municipality === 'hamedan' ? clerk : admin,
      body,
    });
    expect(res.statusCode).toBe(201);
    return renewalCode;
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await bootstrapAdmin(t.app);
    await registerAll(t.app, admin, {
      municipalities: [
        hamedan,
        { code: 'tehran', name: 'Tehran', nameFa: 'تهران', regions: [{ code: '1', name: 'منطقه ۱' }] },
      ],
      organisations: [{ id: 'counter-office-3', kind: 'counter_office', name: 'Counter office 3' }],
    });
    clerk = (await signedInUser(t.app, 'clerk-hamedan', [{ role: 'clerk', municipality: 'hamedan' }])).token;
    cashier = (await signedInUser(t.app, 'cashier-hamedan', [{ role: 'cashier', municipality: 'hamedan' }]))
      .token;
    clerkOfTehran = (await signedInUser(t.app, 'clerk-tehran', [{ role: 'clerk', municipality: 'tehran' }]))
      .token;
    clerkOfRegion2 = (
      await signedInUser(t.app, 'clerk-hamedan-2', [
        { role: 'clerk', municipality: 'hamedan', regions: ['2'] },
      ])
    ).token;
    counterOffice = (
      await signedInUser(t.app, 'counter-3', [{ role: 'counter_office', organisation: 'counter-office-3' }])
    ).token;
    owner = await registeredCitizen(t.app, OWNER);
    stranger = await registeredCitizen(t.app, STRANGER);
    for (const nationalId of [BUYER, STRANGER]) await consentFor(t.app, counterOffice, nationalId);
    // The code in two municipalities, which the corrections change.
    await registered(CODE);
    await registered(CODE, { municipality: 'tehran', existingBuilding: null });
  }, 60_000);
  afterAll(() => t.close());

  describe('registering', () => {
    it('lets a clerk of the municipality register a parcel, in canonical form', async () => {
      const res = await call(t.app, 'POST', '/parcels', {
        token: clerk,
        body: { ...parcel, renewalCode: '01-1-07-7-0-0-0' },
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toEqual({
        id: 'hamedan:1-1-7-7-0-0-0',
        municipality: 'hamedan',
        renewalCode: '1-1-7-7-0-0-0',
        region: '1',
        areaM2: 250.5,
        streetWidthM: 12,
        zone: 'R2',
        landUse: 'residential',
        existingBuilding: { floors: 2, areaM2: 300 },
        owners: [{ nationalId: OWNER, name: 'زهرا احمدی', sharePct: 100 }],
        dues: [],
        outstandingDues: 0,
        registeredAt: expect.any(String),
        updatedAt: expect.any(String),
        position: expect.any(String),
      });
      const [event] = await t.app
        .get<EventStore>(EVENT_STORE)
        .readStream(parcelStream('hamedan', '1-1-7-7-0-0-0'));
      expect(event).toMatchObject({
        type: 'ParcelRegistered',
        metadata: { actor: { role: 'clerk', municipality: 'hamedan' } },
      });
    });

    it('registers vacant land for an admin', async () => {
      const res = await call(t.app, 'POST', '/parcels', {
        token: admin,
        body: { ...parcel, municipality: 'tehran', renewalCode: '1-1-7-8-0-0-0', existingBuilding: null },
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        municipality: 'tehran',
        renewalCode: '1-1-7-8-0-0-0',
        existingBuilding: null,
      });
    });

    it.each([
      ['a registered parcel', 409, 'PARCEL.ALREADY_EXISTS', parcel],
      ['a malformed renewal code', 400, 'PARCEL.INVALID_RENEWAL_CODE', { ...parcel, renewalCode: '1-1-7' }],
      ['an unknown municipality', 404, 'MUNICIPALITY.NOT_FOUND', { ...parcel, municipality: 'atlantis' }],
      [
        'shares short of 100',
        400,
        'PARCEL.SHARES_NOT_100',
        { ...parcel, renewalCode: '1-1-7-4-0-0-0', owners: [{ ...parcel.owners[0], sharePct: 60 }] },
      ],
      [
        'an invalid national id',
        400,
        'PARCEL.INVALID_OWNER',
        {
          ...parcel,
          renewalCode: '1-1-7-4-0-0-0',
          owners: [{ ...parcel.owners[0], nationalId: '0499370898' }],
        },
      ],
      ['a zero area', 400, 'PARCEL.INVALID_AREA', { ...parcel, renewalCode: '1-1-7-4-0-0-0', areaM2: 0 }],
      ['no existing building field', 400, 'REQUEST.INVALID', { ...parcel, existingBuilding: undefined }],
      ['an unknown field', 400, 'REQUEST.UNKNOWN_FIELD', { ...parcel, price: 1 }],
    ])('refuses %s with %i %s', async (_why, status, code, body) => {
      const res = await call(t.app, 'POST', '/parcels', { token: clerk, body });
      expect([res.statusCode, res.json().code]).toEqual([status, code]);
    });

    it('keeps staff to their own municipality and regions', async () => {
      const other = { ...parcel, renewalCode: '1-1-7-5-0-0-0' };
      const fromTehran = await call(t.app, 'POST', '/parcels', { token: clerkOfTehran, body: other });
      expect([fromTehran.statusCode, fromTehran.json().code]).toEqual([403, 'PARCEL.OUTSIDE_JURISDICTION']);
      const fromRegion2 = await call(t.app, 'POST', '/parcels', { token: clerkOfRegion2, body: other });
      expect([fromRegion2.statusCode, fromRegion2.json().code]).toEqual([403, 'PARCEL.OUTSIDE_JURISDICTION']);
      const inRegion2 = await call(t.app, 'POST', '/parcels', {
        token: clerkOfRegion2,
        body: { ...other, renewalCode: '2-1-7-5-0-0-0' },
      });
      expect(inRegion2.statusCode).toBe(201);
    });

    it('is for clerks and admins: 403 for a citizen or a cashier, 401 for anonymous', async () => {
      for (const token of [owner, cashier]) {
        const res = await call(t.app, 'POST', '/parcels', { token, body: parcel });
        expect([res.statusCode, res.json().code]).toEqual([403, 'AUTH.FORBIDDEN']);
      }
      expect((await call(t.app, 'POST', '/parcels', { body: parcel })).statusCode).toBe(401);
    });
  });

  describe('correcting and changing ownership', () => {
    it('corrects details, leaving the rest as it was', async () => {
      const res = await call(t.app, 'POST', `/parcels/${CODE}/corrections`, {
        token: clerk,
        body: { changes: { areaM2: 262.5, existingBuilding: null }, reason: 'surveyed again' },
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        areaM2: 262.5,
        existingBuilding: null,
        zone: 'R2',
        streetWidthM: 12,
      });
    });

    it('refuses an empty or invalid correction', async () => {
      for (const [changes, code] of [
        [{}, 'PARCEL.NO_CHANGES'],
        [{ zone: 'R 2' }, 'PARCEL.INVALID_ZONE'],
        [{ existingBuilding: { floors: 0, areaM2: 10 } }, 'REQUEST.INVALID'],
      ] as const) {
        const res = await call(t.app, 'POST', `/parcels/${CODE}/corrections`, {
          token: clerk,
          body: { changes, reason: 'typo' },
        });
        expect([res.statusCode, res.json().code]).toEqual([400, code]);
      }
    });

    it('records new owners', async () => {
      const owners = [
        { nationalId: OWNER, name: 'زهرا احمدی', sharePct: 50 },
        { nationalId: BUYER, name: 'علی رضایی', sharePct: 50 },
      ];
      const res = await call(t.app, 'POST', `/parcels/${CODE}/ownership`, {
        token: clerk,
        body: { municipality: 'hamedan', owners, reason: 'deed 4512 of notary office 12' },
      });
      expect(res.statusCode).toBe(201);
      expect(res.json().owners).toEqual(owners);
      const half = await call(t.app, 'POST', `/parcels/${CODE}/ownership`, {
        token: clerk,
        body: { owners: owners.slice(1), reason: 'deed' },
      });
      expect([half.statusCode, half.json().code]).toEqual([400, 'PARCEL.SHARES_NOT_100']);
    });

    it('answers 404 to staff of another municipality or region, as for a parcel that does not exist', async () => {
      const correction = { changes: { areaM2: 1 }, reason: 'not mine' };
      const unknown = await call(t.app, 'POST', '/parcels/1-1-7-9-9-9-9/corrections', {
        token: clerk,
        body: correction,
      });
      expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'PARCEL.NOT_FOUND']);
      const refusals = [
        call(t.app, 'POST', `/parcels/${CODE}/corrections`, {
          token: clerkOfTehran,
          body: { ...correction, municipality: 'hamedan' },
        }),
        call(t.app, 'POST', '/parcels/2-1-7-5-0-0-0/corrections', { token: clerkOfTehran, body: correction }),
        call(t.app, 'POST', '/parcels/2-1-7-5-0-0-0/ownership', {
          token: clerkOfTehran,
          body: { municipality: 'hamedan', owners: parcel.owners, reason: 'not mine' },
        }),
        call(t.app, 'POST', `/parcels/${CODE}/corrections`, { token: clerkOfRegion2, body: correction }),
      ];
      for (const res of await Promise.all(refusals)) {
        expect([res.statusCode, res.json().code]).toEqual([404, 'PARCEL.NOT_FOUND']);
      }
      // Tehran has a parcel with this code too: without naming a municipality, its clerk reaches that one.
      const own = await call(t.app, 'POST', `/parcels/${CODE}/corrections`, {
        token: clerkOfTehran,
        body: correction,
      });
      expect(own.json()).toMatchObject({ municipality: 'tehran', areaM2: 1 });
    });

    it('asks an admin to name the municipality of a code several have', async () => {
      const res = await call(t.app, 'POST', `/parcels/${CODE}/corrections`, {
        token: admin,
        body: { changes: { zone: 'R3' }, reason: 'plan revised' },
      });
      expect([res.statusCode, res.json().code]).toEqual([400, 'PARCEL.AMBIGUOUS']);
      const named = await call(t.app, 'POST', `/parcels/${CODE}/corrections`, {
        token: admin,
        body: { municipality: 'tehran', changes: { zone: 'R3' }, reason: 'plan revised' },
      });
      expect(named.json()).toMatchObject({ municipality: 'tehran', zone: 'R3' });
    });

    it('refuses a malformed code with 400 and a citizen with 403', async () => {
      const body = { changes: { areaM2: 1 }, reason: 'typo' };
      const malformed = await call(t.app, 'POST', '/parcels/1-1-x-3-0-0-0/corrections', {
        token: clerk,
        body,
      });
      expect([malformed.statusCode, malformed.json().code]).toEqual([400, 'PARCEL.INVALID_RENEWAL_CODE']);
      const byCitizen = await call(t.app, 'POST', `/parcels/${CODE}/corrections`, { token: owner, body });
      expect([byCitizen.statusCode, byCitizen.json().code]).toEqual([403, 'AUTH.FORBIDDEN']);
      const ownership = await call(t.app, 'POST', `/parcels/${CODE}/ownership`, {
        token: owner,
        body: { owners: parcel.owners, reason: 'mine now' },
      });
      expect(ownership.statusCode).toBe(403);
    });
  });

  describe('renewal dues', () => {
    const dues = (code: string) => `/parcels/${code}/dues`;
    const payments = (code: string) => `/parcels/${code}/dues/1405/payments`;
    /** A parcel of its own with 1405 billed at 600,000 rials and 200,000 of it paid. */
    async function partlyPaid(code: string): Promise<string> {
      await registered(code);
      const bill = await call(t.app, 'POST', dues(code), {
        token: clerk,
        body: { year: 1405, amount: 600_000 },
      });
      expect(bill.statusCode).toBe(201);
      const body = { amount: 200_000, reference: 'CASH-1405-0001' };
      expect((await call(t.app, 'POST', payments(code), { token: cashier, body })).statusCode).toBe(201);
      return code;
    }

    it('bills a year once', async () => {
      const CODE = await registered('1-1-8-1-0-0-0');
      const dues = `/parcels/${CODE}/dues`;
      const res = await call(t.app, 'POST', dues, { token: clerk, body: { year: 1405, amount: 600_000 } });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toEqual({
        renewalCode: CODE,
        municipality: 'hamedan',
        renewalDues: [{ year: 1405, billed: 600_000, paid: 0, outstanding: 600_000 }],
        total: 600_000,
        owesAnything: true,
      });
      const again = await call(t.app, 'POST', dues, { token: cashier, body: { year: 1405, amount: 1 } });
      expect([again.statusCode, again.json().code]).toEqual([409, 'DUES.ALREADY_BILLED']);
      const badYear = await call(t.app, 'POST', dues, { token: clerk, body: { year: 2026, amount: 1 } });
      expect([badYear.statusCode, badYear.json().code]).toEqual([400, 'DUES.INVALID_YEAR']);
      const byCitizen = await call(t.app, 'POST', dues, { token: owner, body: { year: 1404, amount: 1 } });
      expect(byCitizen.statusCode).toBe(403);
      const fromTehran = await call(t.app, 'POST', dues, {
        token: clerkOfTehran,
        body: { municipality: 'hamedan', year: 1404, amount: 1 },
      });
      expect([fromTehran.statusCode, fromTehran.json().code]).toEqual([404, 'PARCEL.NOT_FOUND']);
    });

    it('takes a cashier’s payment; the same reference again is the same payment', async () => {
      const CODE = await registered('1-1-8-2-0-0-0');
      expect(
        (await call(t.app, 'POST', dues(CODE), { token: clerk, body: { year: 1405, amount: 600_000 } }))
          .statusCode,
      ).toBe(201);
      const payments = `/parcels/${CODE}/dues/1405/payments`;
      const body = { amount: 200_000, reference: 'CASH-1405-0001' };
      const first = await call(t.app, 'POST', payments, { token: cashier, body });
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({
        renewalDues: [{ year: 1405, billed: 600_000, paid: 200_000, outstanding: 400_000 }],
        total: 400_000,
      });
      const again = await call(t.app, 'POST', payments, { token: cashier, body });
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual(first.json());
      const events = await t.app.get<EventStore>(EVENT_STORE).readStream(parcelStream('hamedan', CODE));
      const paid = events.filter((e) => e.type === 'RenewalDuesPaid');
      expect(paid).toHaveLength(1);
      expect(paid[0]).toMatchObject({
        data: { year: 1405, amount: 200_000, reference: 'CASH-1405-0001', channel: 'cashier' },
        metadata: { actor: { role: 'cashier', municipality: 'hamedan' } },
      });
    });

    it('refuses an overpayment, an unbilled year, a clerk, and staff of another municipality', async () => {
      const CODE = await partlyPaid('1-1-8-3-0-0-0');
      const payments = `/parcels/${CODE}/dues/1405/payments`;
      const over = await call(t.app, 'POST', payments, {
        token: cashier,
        body: { amount: 400_001, reference: 'CASH-1405-0002' },
      });
      expect([over.statusCode, over.json().code]).toEqual([409, 'DUES.OVERPAYMENT']);
      expect(over.json().details).toEqual({ outstanding: 400_000 });
      const unbilled = await call(t.app, 'POST', `/parcels/${CODE}/dues/1404/payments`, {
        token: cashier,
        body: { amount: 1, reference: 'CASH-1404-0001' },
      });
      expect([unbilled.statusCode, unbilled.json().code]).toEqual([404, 'DUES.NOT_BILLED']);
      const badYear = await call(t.app, 'POST', `/parcels/${CODE}/dues/next/payments`, {
        token: cashier,
        body: { amount: 1, reference: 'CASH-0001' },
      });
      expect(badYear.statusCode).toBe(400);
      const byClerk = await call(t.app, 'POST', payments, {
        token: clerk,
        body: { amount: 1, reference: 'CASH-1405-0003' },
      });
      expect([byClerk.statusCode, byClerk.json().code]).toEqual([403, 'AUTH.FORBIDDEN']);
    });

    it('settles the year with the rest', async () => {
      const CODE = await partlyPaid('1-1-8-4-0-0-0');
      const res = await call(t.app, 'POST', payments(CODE), {
        token: cashier,
        body: { amount: 400_000, reference: 'CASH-1405-0004' },
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ total: 0, owesAnything: false });
      const bill = await call(t.app, 'POST', dues(CODE), {
        token: cashier,
        body: { year: 1404, amount: 550_000 },
      });
      expect(bill.json()).toMatchObject({ total: 550_000, owesAnything: true });
    });
  });

  describe('debts', () => {
    const CODE = '1-1-8-5-0-0-0';
    const url = `/parcels/${CODE}/debts?municipality=hamedan`;
    // Owned by both, 1405 paid in full, 1404 owed: its cases only read it.
    beforeAll(async () => {
      const owners = [
        { nationalId: OWNER, name: 'زهرا احمدی', sharePct: 50 },
        { nationalId: BUYER, name: 'علی رضایی', sharePct: 50 },
      ];
      await registered(CODE, { owners });
      const steps: [string, string, unknown][] = [
        [clerk, `/parcels/${CODE}/dues`, { year: 1405, amount: 600_000 }],
        [cashier, `/parcels/${CODE}/dues/1405/payments`, { amount: 600_000, reference: 'CASH-1405-0009' }],
        [clerk, `/parcels/${CODE}/dues`, { year: 1404, amount: 550_000 }],
      ];
      for (const [token, path, body] of steps)
        expect((await call(t.app, 'POST', path, { token, body })).statusCode).toBe(201);
    });
    const expected = {
      renewalCode: CODE,
      municipality: 'hamedan',
      renewalDues: [
        { year: 1404, billed: 550_000, paid: 0, outstanding: 550_000 },
        { year: 1405, billed: 600_000, paid: 600_000, outstanding: 0 },
      ],
      total: 550_000,
      owesAnything: true,
    };

    it('shows the owners their parcel’s debts', async () => {
      const res = await call(t.app, 'GET', url, { token: owner });
      expect([res.statusCode, res.json()]).toEqual([200, expected]);
    });

    it('shows them to staff of the municipality, without naming it', async () => {
      for (const token of [clerk, cashier]) {
        const res = await call(t.app, 'GET', `/parcels/${CODE}/debts`, { token });
        expect([res.statusCode, res.json()]).toEqual([200, expected]);
      }
      const admins = await call(t.app, 'GET', url, { token: admin });
      expect(admins.json()).toEqual(expected);
    });

    it('shows them to a counter office acting for an owner', async () => {
      const res = await call(t.app, 'GET', url, {
        token: counterOffice,
        headers: { 'x-on-behalf-of': BUYER },
      });
      expect([res.statusCode, res.json()]).toEqual([200, expected]);
      const forStranger = await call(t.app, 'GET', url, {
        token: counterOffice,
        headers: { 'x-on-behalf-of': STRANGER },
      });
      expect([forStranger.statusCode, forStranger.json().code]).toEqual([404, 'PARCEL.NOT_FOUND']);
      const forNobody = await call(t.app, 'GET', url, { token: counterOffice });
      expect(forNobody.statusCode).toBe(404);
    });

    it('answers 404 to anyone else, as for a parcel that does not exist', async () => {
      const unknown = await call(t.app, 'GET', '/parcels/9-9-9-9-0-0-0/debts?municipality=hamedan', {
        token: stranger,
      });
      expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'PARCEL.NOT_FOUND']);
      for (const token of [stranger, clerkOfTehran, clerkOfRegion2]) {
        const res = await call(t.app, 'GET', url, { token });
        expect([res.statusCode, res.json().code]).toEqual([404, 'PARCEL.NOT_FOUND']);
      }
      expect((await call(t.app, 'GET', url)).statusCode).toBe(401);
      const malformed = await call(t.app, 'GET', '/parcels/1-1/debts', { token: owner });
      expect([malformed.statusCode, malformed.json().code]).toEqual([400, 'PARCEL.INVALID_RENEWAL_CODE']);
    });
  });
});
