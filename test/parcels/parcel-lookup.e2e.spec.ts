import { AuditTrail } from '../../src/audit/audit-trail.js';
import type { BackgroundAuditTrail } from '../../src/audit/record-access/background-audit-trail.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { DEMO_PASSWORD } from '../../src/identity/demo/demo-data.js';
import { demoParcels } from '../../src/parcels/demo-parcels.js';
import { demoRuleSet } from '../../src/rule-sets/demo-rule-set.js';
import { consentFor } from '../support/citizens.js';
import { call, signIn } from '../support/http.js';
import { startTestApp, untilProjected, untilReady, type TestApp } from '../support/test-app.js';

describe('public parcel lookup and fee estimate over the demo data', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ env: { DAFTAR_DEMO_DATA: 'true' } });
    await untilReady(t.app);
    for (const user of ['citizen', 'clerk', 'counter_office', 'notary'])
      tokens[user] = await signIn(t.app, user, DEMO_PASSWORD);
    await consentFor(t.app, tokens['counter_office']!, '0013542419');
  }, 60_000);
  afterAll(() => t.close());

  it('answers anyone with the zone, the limits of the rule set in force and masked owners', async () => {
    const res = await call(t.app, 'GET', '/parcels/1-1-1-1-0-0-0');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      municipality: 'hamedan',
      renewalCode: '1-1-1-1-0-0-0',
      view: 'public',
      debts: { owesAnything: false },
    });
    expect(body.limits).toMatchObject({
      ruleSetVersion: demoRuleSet.version,
      effectiveFrom: demoRuleSet.effectiveFrom,
    });
    expect(body.limits.maxBuildableAreaM2).toBeGreaterThan(0);
    expect(body.debts.total).toBeUndefined();
    expect(res.body).not.toContain('0013542419');
    expect(body.owners[0].nationalId).toMatch(/^\*+19$/);
  });

  it('says that a parcel with unpaid dues owes something, without amounts for the public', async () => {
    const body = (await call(t.app, 'GET', '/parcels/1-1-1-2-0-0-0')).json();
    expect(body.debts).toEqual({ owesAnything: true });
  });

  it('shows amounts and names to the owner, to a counter office acting for the owner, and to staff', async () => {
    const owner = (await call(t.app, 'GET', '/parcels/1-1-1-1-0-0-0', { token: tokens['citizen'] })).json();
    expect(owner.view).toBe('owner');
    expect(owner.owners[0]).toMatchObject({ nationalId: '0013542419', name: 'زهرا احمدی' });
    expect(owner.debts).toMatchObject({ owesAnything: false, total: 0 });

    const office = await call(t.app, 'GET', '/parcels/1-1-1-1-0-0-0', {
      token: tokens['counter_office'],
      headers: { 'x-on-behalf-of': '0013542419' },
    });
    expect(office.json().view).toBe('owner');

    const staff = (await call(t.app, 'GET', '/parcels/1-1-1-2-0-0-0', { token: tokens['clerk'] })).json();
    expect(staff.view).toBe('staff');
    expect(staff.debts.total).toBeGreaterThan(0);
    expect(staff.debts.renewalDues.some((d: { outstanding: number }) => d.outstanding > 0)).toBe(true);

    const stranger = (await call(t.app, 'GET', '/parcels/1-1-1-1-0-0-0', { token: tokens['notary'] })).json();
    expect(stranger.view).toBe('public');
  });

  it('records a counter office’s lookup for the owner it acts for, and none for the owner’s own', async () => {
    const log = async () => {
      await (t.app.get(AuditTrail) as BackgroundAuditTrail).flush();
      const head = await t.app.get<EventStore>(EVENT_STORE).headPosition();
      expect(await untilProjected(t.app, head!)).toBe(true);
      const res = await call(t.app, 'GET', '/me/access-log', { token: tokens['citizen'] });
      return (res.json().items as { what: string; reader: { role: string } }[]).filter(
        (item) => item.what === 'parcel_owners',
      );
    };
    const before = await log();
    await call(t.app, 'GET', '/parcels/1-1-1-1-0-0-0', { token: tokens['citizen'] });
    expect(await log()).toHaveLength(before.length);
    await call(t.app, 'GET', '/parcels/1-1-1-1-0-0-0', {
      token: tokens['counter_office'],
      headers: { 'x-on-behalf-of': '0013542419' },
    });
    const after = await log();
    expect(after).toHaveLength(before.length + 1);
    expect(after[0]!.reader.role).toBe('counter_office');
  });

  it('shows a payment at once: the public answer is never served stale from its cache', async () => {
    // A parcel of its own, billed here: the demo one with unpaid dues must stay unpaid for the others.
    const code = '1-1-8-9-0-0-0';
    const { unpaidDuesYears: _, ...facts } = demoParcels.find((p) => p.renewalCode === '1-1-1-2-0-0-0')!;
    const registered = await call(t.app, 'POST', '/parcels', {
      token: tokens['clerk'],
      body: { ...facts, renewalCode: code, municipality: 'hamedan' },
    });
    expect(registered.statusCode).toBe(201);
    const billed = await call(t.app, 'POST', `/parcels/${code}/dues`, {
      token: tokens['clerk'],
      body: { year: 1405, amount: 600_000 },
    });
    expect(billed.statusCode).toBe(201);
    const before = await call(t.app, 'GET', `/parcels/${code}`);
    expect(before.json().debts).toEqual({ owesAnything: true });
    expect(before.headers['content-type']).toMatch(/application\/json/);
    const cashier = await signIn(t.app, 'cashier', DEMO_PASSWORD);
    const staff = (await call(t.app, 'GET', `/parcels/${code}`, { token: tokens['clerk'] })).json();
    for (const dues of staff.debts.renewalDues.filter((d: { outstanding: number }) => d.outstanding > 0)) {
      const paid = await call(t.app, 'POST', `/parcels/${code}/dues/${dues.year}/payments`, {
        token: cashier,
        body: { amount: dues.outstanding, reference: `receipt-${dues.year}` },
      });
      expect(paid.statusCode).toBe(201);
    }
    expect((await call(t.app, 'GET', `/parcels/${code}`)).json().debts).toEqual({ owesAnything: false });
  });

  it('refuses X-On-Behalf-Of from anyone but a counter office', async () => {
    const res = await call(t.app, 'GET', '/parcels/1-1-1-1-0-0-0', {
      token: tokens['citizen'],
      headers: { 'x-on-behalf-of': '0013542419' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('AUTH.ON_BEHALF_NOT_ALLOWED');
  });

  it.each(['1-1-1', '1-1-1-1-0-0-x', '1-1-1-1-0-0-0-0', '-1-1-1-1-0-0-0', '1--1-1-1-0-0-0', '%20'])(
    'refuses the malformed code %p with 400',
    async (code) => {
      const res = await call(t.app, 'GET', `/parcels/${encodeURIComponent(code)}`);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'PARCEL.INVALID_RENEWAL_CODE',
        detail: expect.stringContaining('seven'),
        details: expect.any(Object),
      });
    },
  );

  it('answers an unknown code with 404, and reads Persian digits', async () => {
    const unknown = await call(t.app, 'GET', '/parcels/9-9-9-9-0-0-0');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('PARCEL.NOT_FOUND');
    const persian = await call(t.app, 'GET', `/parcels/${encodeURIComponent('۱-۱-۱-۱-۰-۰-۰')}`);
    expect(persian.json().renewalCode).toBe('1-1-1-1-0-0-0');
  });

  it('answers the lookup and a fee estimate for every demo parcel', async () => {
    for (const parcel of demoParcels) {
      const lookup = await call(t.app, 'GET', `/parcels/${parcel.renewalCode}`);
      expect(lookup.statusCode).toBe(200);
      const use = lookup.json().limits.allowedUses[0];
      const estimate = await call(
        t.app,
        'GET',
        `/parcels/${parcel.renewalCode}/fee-estimate?type=NewConstruction&floors=2&area=${parcel.areaM2}&use=${use}&units=2`,
      );
      expect(estimate.statusCode).toBe(200);
      const body = estimate.json();
      expect(body.ruleSetVersion).toBe(demoRuleSet.version);
      expect(body.total).toBe(
        body.lines.reduce((sum: number, line: { amount: number }) => sum + line.amount, 0),
      );
      expect(Number.isInteger(body.total)).toBe(true);
    }
  });

  it('itemises an estimate and refuses bad queries', async () => {
    const ok = (
      await call(
        t.app,
        'GET',
        '/parcels/1-1-1-1-0-0-0/fee-estimate?type=NewConstruction&floors=3&area=450&use=residential&units=3',
      )
    ).json();
    expect(ok.lines[0]).toMatchObject({
      code: 'PERMIT_FEE',
      titleFa: expect.any(String),
      formula: expect.any(String),
    });
    const missing = await call(t.app, 'GET', '/parcels/1-1-1-1-0-0-0/fee-estimate?type=NewConstruction');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().code).toBe('REQUEST.INVALID');
    const wrongUse = await call(
      t.app,
      'GET',
      '/parcels/1-1-1-1-0-0-0/fee-estimate?type=NewConstruction&floors=2&area=100&use=industrial',
    );
    expect(wrongUse.statusCode).toBe(400);
    expect(wrongUse.json().code).toBe('FEE.USE_NOT_ALLOWED');
    const extra = await call(
      t.app,
      'GET',
      '/parcels/1-1-1-1-0-0-0/fee-estimate?type=Renewal&floors=2&area=100&use=residential&color=red',
    );
    expect(extra.statusCode).toBe(400);
    expect(extra.json().code).toBe('REQUEST.UNKNOWN_FIELD');
  });
});
