import { DEMO_PASSWORD } from '../../src/identity/demo/demo-data.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { renewalFees } from '../../src/permits/permit.fixtures.js';
import { ExpirePermits } from '../../src/permits/reactions/expire-permits.js';
import { demoRuleSet } from '../../src/rule-sets/demo-rule-set.js';
import { todayInTehran } from '../../src/shared/tehran-date.js';
import { permitStream } from '../../src/permits/permit.events.js';
import { call, signIn } from '../support/http.js';
import { feesAssessedFile } from '../support/seeded-permits.js';
import { startTestApp, untilReady, untilSettled, type TestApp } from '../support/test-app.js';

describe('renewing a permit (تمدید پروانه) on its own file', () => {
  let t: TestApp;
  const token: Record<string, string> = {};

  const as = (user: string, method: 'GET' | 'POST', url: string, body?: unknown) =>
    call(t.app, method, url, { token: token[user]!, ...(body === undefined ? {} : { body }) });
  const step = async (user: string, url: string, body: unknown = {}) => {
    const res = await as(user, 'POST', url, body);
    if (res.statusCode !== 201) throw new Error(`${user} POST ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };

  /** A file of the demo citizen with its permit issued and signed. */
  async function issuedFile(): Promise<{ permitId: string; code: string; validUntil: string }> {
    const permitId = await feesAssessedFile(t.app);
    const { fees } = (await as('citizen', 'GET', `/permits/${permitId}`)).json();
    await step('cashier', `/permits/${permitId}/payments`, {
      purpose: 'fees',
      amount: fees.total,
      reference: `CASH-${permitId.slice(-8)}`,
    });
    const issued = await step('signatory', `/permits/${permitId}/permit`);
    return { permitId, code: issued.documents.permit, validUntil: issued.permit.validUntil };
  }

  beforeAll(async () => {
    t = await startTestApp({ env: { DAFTAR_DEMO_DATA: 'true' } });
    await untilReady(t.app);
    for (const user of ['citizen', 'clerk', 'signatory', 'cashier']) {
      token[user] = await signIn(t.app, user, DEMO_PASSWORD);
    }
  });
  afterAll(() => t.close());

  it('renews an issued permit: request, pay online, renew; the old document verifies as superseded', async () => {
    const { permitId, code, validUntil } = await issuedFile();
    expect((await as('clerk', 'POST', `/permits/${permitId}/renewal-request`, {})).statusCode).toBe(403);
    expect((await as('citizen', 'POST', `/permits/${permitId}/renewal`, {})).statusCode).toBe(403);

    const requested = await step('citizen', `/permits/${permitId}/renewal-request`);
    expect(requested).toMatchObject({
      status: 'renewal_requested',
      renewal: { total: renewalFees.total, paid: 0, outstanding: renewalFees.total },
    });
    expect(requested.renewal.lines).toEqual([expect.objectContaining({ code: 'RENEWAL_FEE' })]);
    const unpaid = await as('signatory', 'POST', `/permits/${permitId}/renewal`, {});
    expect(unpaid.json()).toMatchObject({
      code: 'PERMIT.RENEWAL_UNPAID',
      details: { outstanding: renewalFees.total },
    });

    const started = await step('citizen', `/permits/${permitId}/payments/online`, { purpose: 'renewal' });
    expect(started.amount).toBe(renewalFees.total);
    expect((await call(t.app, 'POST', `/sandbox-gateway/${started.paymentId}/pay`)).statusCode).toBe(200);
    await untilSettled(t.app);
    expect((await as('citizen', 'GET', `/permits/${permitId}`)).json()).toMatchObject({
      status: 'renewal_paid',
      renewal: { paid: renewalFees.total, outstanding: 0 },
    });

    const renewed = await step('signatory', `/permits/${permitId}/renewal`);
    expect(renewed).toMatchObject({ status: 'issued', renewal: { renews: { validUntil } } });
    expect(Date.parse(renewed.permit.validUntil)).toBeGreaterThan(Date.parse(validUntil));
    const newCode = renewed.documents.permit;
    expect(newCode).toEqual(expect.any(String));
    expect(newCode).not.toBe(code);
    await untilSettled(t.app);

    expect((await call(t.app, 'GET', `/v/${code}`)).json()).toMatchObject({
      status: 'superseded',
      supersededBy: newCode,
    });
    expect((await call(t.app, 'GET', `/v/${newCode}`)).json()).toMatchObject({ status: 'valid' });
    // Superseded by a valid permit of the same file: no revocation, completion stays open.
    const file = (await as('citizen', 'GET', `/permits/${permitId}`)).json();
    expect(file.revocation).toBeUndefined();
    const events = await t.app.get<EventStore>(EVENT_STORE).readStream(permitStream(permitId));
    expect(events.map((e) => e.type)).not.toContain('PermitRevoked');
    const timeline = (await as('citizen', 'GET', `/permits/${permitId}/timeline`)).json().items;
    expect(timeline.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['PermitRenewalRequested', 'PermitRenewed']),
    );
    expect((await step('citizen', `/permits/${permitId}/completion-request`)).status).toBe(
      'completion_requested',
    );
  });

  it('withdraws a renewal not paid, and lets a renewal requested run out with the permit', async () => {
    const { permitId, validUntil } = await issuedFile();
    await step('citizen', `/permits/${permitId}/renewal-request`);
    const url = `/permits/${permitId}/renewal-request/withdrawal`;
    expect((await as('clerk', 'POST', url, {})).statusCode).toBe(403);
    const withdrawn = await step('citizen', url);
    expect(withdrawn).toMatchObject({ status: 'issued', renewal: { droppedAt: expect.any(String) } });
    const again = await as('citizen', 'POST', url, {});
    expect(again.json()).toMatchObject({ code: 'PERMIT.NO_RENEWAL_REQUESTED' });

    await step('citizen', `/permits/${permitId}/renewal-request`);
    const expiry = t.app.get(ExpirePermits);
    expect(await expiry.sweep(new Date(Date.parse(validUntil) + 1000))).toBeGreaterThanOrEqual(1);
    await untilSettled(t.app);
    const file = (await as('citizen', 'GET', `/permits/${permitId}`)).json();
    expect(file).toMatchObject({ status: 'expired', renewal: { droppedAt: expect.any(String) } });
    const timeline = (await as('citizen', 'GET', `/permits/${permitId}/timeline`)).json().items;
    expect(timeline.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['PermitRenewalWithdrawn', 'PermitExpired']),
    );
  });

  it('records a revocation when the permit is superseded by a document that is not a permit, and refuses renewal', async () => {
    const { permitId, code } = await issuedFile();
    const mapOrder = (await as('citizen', 'GET', `/permits/${permitId}`)).json().documents.mapOrder;
    const reason = 'replaced in error by the map order';
    await step('signatory', `/documents/${code}/supersession`, { by: mapOrder, reason });
    await untilSettled(t.app);
    const why = { code, reason, supersededBy: mapOrder };
    expect((await as('citizen', 'GET', `/permits/${permitId}`)).json()).toMatchObject({
      status: 'issued',
      revocation: why,
    });
    const refused = await as('citizen', 'POST', `/permits/${permitId}/renewal-request`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'PERMIT.REVOKED', details: { code } });
  });

  it('refuses a renewal once completion was requested', async () => {
    const { permitId } = await issuedFile();
    await step('citizen', `/permits/${permitId}/completion-request`);
    const refused = await as('citizen', 'POST', `/permits/${permitId}/renewal-request`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'PERMIT.COMPLETION_ALREADY_REQUESTED',
      details: { status: 'completion_requested' },
    });
  });

  it('sends the applicant to apply anew when the rule set in force changed the parcel’s limits', async () => {
    const { permitId } = await issuedFile();
    const r2 = demoRuleSet.zones['R2']!;
    const effectiveFrom = todayInTehran(new Date());
    const stricter = {
      ...demoRuleSet,
      version: 2,
      effectiveFrom,
      zones: { ...demoRuleSet.zones, R2: { ...r2, maxFloors: r2.maxFloors - 1 } },
    };
    token['admin'] = await signIn(t.app, 'admin', DEMO_PASSWORD);
    expect((await as('admin', 'POST', '/rule-sets/hamedan', stricter)).statusCode).toBe(201);
    try {
      const refused = await as('citizen', 'POST', `/permits/${permitId}/renewal-request`, {});
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({
        code: 'PERMIT.RENEWAL_NEEDS_REVIEW',
        details: { mapOrder: { maxFloors: r2.maxFloors }, inForce: { maxFloors: r2.maxFloors - 1 } },
      });
    } finally {
      // The demo limits in force again, for the cases that run after this one.
      const restored = await as('admin', 'POST', '/rule-sets/hamedan', {
        ...demoRuleSet,
        version: 3,
        effectiveFrom,
      });
      expect(restored.statusCode).toBe(201);
    }
  });
});
