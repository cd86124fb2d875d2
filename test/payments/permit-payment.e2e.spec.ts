import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { signCallback } from '../../src/payments/callback-signature.js';
import { paymentStream } from '../../src/payments/payment.events.js';
import { permitStream } from '../../src/permits/permit.events.js';
import { fees } from '../../src/permits/permit.fixtures.js';
import { demoRuleSet } from '../../src/rule-sets/demo-rule-set.js';
import { newId } from '../../src/shared/ids.js';
import { persianDigits } from '../../src/shared/jalali.js';
import { bootstrapAdmin, signedInUser } from '../support/bootstrap-admin.js';
import { consentFor, registeredCitizen } from '../support/citizens.js';
import { hamedan, registerAll } from '../support/directory.js';
import { feesAssessedFile } from '../support/seeded-permits.js';
import { call } from '../support/http.js';
import { writeProductionPki } from '../support/test-pki.js';
import { startTestApp, type TestApp, untilProjected, untilSettled } from '../support/test-app.js';

const OWNER = '0013542419';
const STRANGER = '0499370899';
const SECRET = 'the-gateway-secret-agreed-with-the-bank';

const callback = (t: TestApp, rawBody: string, signature?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/payments/gateway/callback',
    headers: {
      'content-type': 'application/json',
      ...(signature ? { 'x-gateway-signature': signature } : {}),
    },
    payload: rawBody,
  });

describe('paying a permit file’s fees online through the sandbox gateway', () => {
  let t: TestApp;
  let store: EventStore;
  let owner: string;
  let stranger: string;
  let counter: string;
  let clerk: string;

  const startPayment = (permitId: string, token = owner, body: object = {}, headers = {}) =>
    call(t.app, 'POST', `/permits/${permitId}/payments/online`, { token, body, headers });

  async function startedPayment(permitId: string): Promise<string> {
    const res = await startPayment(permitId);
    expect(res.statusCode).toBe(201);
    return res.json().paymentId as string;
  }

  const postCallback = (rawBody: string, signature?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/payments/gateway/callback',
      headers: {
        'content-type': 'application/json',
        ...(signature ? { 'x-gateway-signature': signature } : {}),
      },
      payload: rawBody,
    });

  const paidCallback = (paymentId: string, amount = fees.total, reference = `BANK-${newId()}`) =>
    JSON.stringify({ paymentId, status: 'paid', reference, amount, paidAt: new Date().toISOString() });

  const typesIn = async (stream: string) => (await store.readStream(stream)).map((event) => event.type);
  const count = (types: string[], type: string) => types.filter((each) => each === type).length;

  /** Waits until every projection and reaction has handled the whole log, twice: reactions append too. */
  async function settled(): Promise<void> {
    for (let round = 0; round < 2; round += 1) {
      const head = await store.headPosition();
      expect(await untilProjected(t.app, head!)).toBe(true);
    }
  }

  async function statusOfFile(permitId: string): Promise<string> {
    await untilSettled(t.app);
    return (await call(t.app, 'GET', `/permits/${permitId}`, { token: owner })).json().status as string;
  }

  /** The payment once the reaction has recorded it on the file or marked it for a refund. */
  async function paymentOnceSettled(paymentId: string): Promise<{ status: string }> {
    await untilSettled(t.app);
    return (await call(t.app, 'GET', `/payments/${paymentId}`, { token: clerk })).json() as {
      status: string;
    };
  }

  beforeAll(async () => {
    t = await startTestApp({ env: { DAFTAR_GATEWAY_SECRET: SECRET } });
    store = t.app.get<EventStore>(EVENT_STORE);
    const admin = await bootstrapAdmin(t.app);
    await registerAll(t.app, admin, {
      municipalities: [hamedan],
      organisations: [{ id: 'counter-office-9', kind: 'counter_office', name: 'Counter office 9' }],
    });
    const ruleSet = await call(t.app, 'POST', '/rule-sets/hamedan', {
      token: admin,
      body: { ...demoRuleSet, effectiveFrom: '2020-01-01' },
    });
    expect(ruleSet.statusCode).toBe(201);
    owner = await registeredCitizen(t.app, OWNER, 'زهرا احمدی');
    stranger = await registeredCitizen(t.app, STRANGER);
    counter = (
      await signedInUser(t.app, 'counter', [{ role: 'counter_office', organisation: 'counter-office-9' }])
    ).token;
    clerk = (await signedInUser(t.app, 'clerk', [{ role: 'clerk', municipality: 'hamedan' }])).token;
    await consentFor(t.app, counter, OWNER);
  });
  afterAll(() => t.close());

  it('starts a payment, pays it in the sandbox, and the file is paid, recorded once', async () => {
    const permitId = await feesAssessedFile(t.app);
    const started = await startPayment(permitId);
    expect(started.statusCode).toBe(201);
    const { paymentId, amount, redirectUrl } = started.json();
    expect(amount).toBe(fees.total);
    expect(redirectUrl).toBe(`${t.config.publicUrl}/sandbox-gateway/${paymentId}`);

    const page = await call(t.app, 'GET', new URL(redirectUrl).pathname);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('dir="rtl"');
    expect(page.body).toContain(persianDigits(fees.total.toLocaleString('en-US')));
    expect(page.body).toContain(`${redirectUrl}/pay`);

    const paid = await call(t.app, 'POST', `/sandbox-gateway/${paymentId}/pay`);
    expect(paid.statusCode).toBe(200);
    expect(paid.json()).toEqual({
      paymentId,
      status: 'confirmed',
      reference: expect.stringMatching(/^SBX-/),
    });
    const { reference } = paid.json();

    expect(await statusOfFile(permitId)).toBe('paid');
    const file = (await call(t.app, 'GET', `/permits/${permitId}`, { token: owner })).json();
    expect(file.fees).toMatchObject({ paid: fees.total, outstanding: 0 });
    expect(file.payments).toEqual([
      { purpose: 'fees', reference, amount: fees.total, channel: 'gateway', paidAt: expect.any(String) },
    ]);
    await settled();
    expect(count(await typesIn(permitStream(permitId)), 'PermitPaymentRecorded')).toBe(1);

    const payment = await call(t.app, 'GET', `/payments/${paymentId}`, { token: owner });
    expect(payment.statusCode).toBe(200);
    expect(payment.json()).toMatchObject({
      paymentId,
      permitId,
      municipality: 'hamedan',
      purpose: 'fees',
      amount: fees.total,
      payerNationalId: OWNER,
      gateway: 'sandbox',
      status: 'confirmed',
      reference,
    });
    expect((await call(t.app, 'GET', `/payments/${paymentId}`, { token: clerk })).statusCode).toBe(200);
    expect((await call(t.app, 'GET', `/payments/${paymentId}`, { token: stranger })).json()).toMatchObject({
      code: 'PAYMENT.NOT_FOUND',
    });
    expect((await startPayment(permitId)).json()).toMatchObject({ code: 'PAYMENT.NOTHING_DUE' });
  });

  it('refuses a callback without the gateway’s signature, and records nothing', async () => {
    const paymentId = await startedPayment(await feesAssessedFile(t.app));
    const body = paidCallback(paymentId);
    for (const signature of [
      signCallback('a-forger-who-guessed-another-secret', Buffer.from(body)),
      undefined,
    ]) {
      const res = await postCallback(body, signature);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'PAYMENT.BAD_SIGNATURE' });
    }
    // Signed, then changed: the signature covers the exact bytes.
    const tampered = await postCallback(
      body.replace(`${fees.total}`, `${fees.total - 1}`),
      signCallback(SECRET, Buffer.from(body)),
    );
    expect(tampered.statusCode).toBe(401);
    expect(await typesIn(paymentStream(paymentId))).toEqual(['PaymentStarted']);
  });

  it('answers a replayed callback as the first time, with no second event anywhere', async () => {
    const permitId = await feesAssessedFile(t.app);
    const paymentId = await startedPayment(permitId);
    const body = paidCallback(paymentId, fees.total, 'BANK-REPLAYED-1');
    const signature = signCallback(SECRET, Buffer.from(body));
    const first = await postCallback(body, signature);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ paymentId, status: 'confirmed', reference: 'BANK-REPLAYED-1' });
    expect(await statusOfFile(permitId)).toBe('paid');

    const again = await postCallback(body, signature);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    await settled();
    expect(count(await typesIn(paymentStream(paymentId)), 'PaymentConfirmed')).toBe(1);
    expect(count(await typesIn(permitStream(permitId)), 'PermitPaymentRecorded')).toBe(1);

    const other = paidCallback(paymentId, fees.total, 'BANK-ANOTHER');
    const refused = await postCallback(other, signCallback(SECRET, Buffer.from(other)));
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'PAYMENT.ALREADY_CONFIRMED' });
  });

  it('refuses an amount other than the one asked for, and an unknown payment', async () => {
    const paymentId = await startedPayment(await feesAssessedFile(t.app));
    const short = paidCallback(paymentId, fees.total - 1_000);
    const res = await postCallback(short, signCallback(SECRET, Buffer.from(short)));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'PAYMENT.AMOUNT_MISMATCH', details: { expected: fees.total } });
    expect(await typesIn(paymentStream(paymentId))).toEqual(['PaymentStarted']);

    const unknown = paidCallback(newId());
    const missing = await postCallback(unknown, signCallback(SECRET, Buffer.from(unknown)));
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'PAYMENT.NOT_FOUND' });
  });

  it('records a cancellation at the sandbox as failed and leaves the fees due', async () => {
    const permitId = await feesAssessedFile(t.app);
    const paymentId = await startedPayment(permitId);
    const res = await t.app.inject({
      method: 'POST',
      url: `/sandbox-gateway/${paymentId}/cancel`,
      headers: { accept: 'text/html,*/*;q=0.8', 'content-type': 'application/x-www-form-urlencoded' },
      payload: '',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('پرداخت لغو شد');
    const payment = (await call(t.app, 'GET', `/payments/${paymentId}`, { token: owner })).json();
    expect(payment).toMatchObject({ status: 'failed', failure: { reason: 'cancelled by the payer' } });
    await settled();
    expect((await call(t.app, 'GET', `/permits/${permitId}`, { token: owner })).json().status).toBe(
      'fees_assessed',
    );
  });

  it('marks a payment the file refuses for a refund, and leaves the file as it was', async () => {
    const permitId = await feesAssessedFile(t.app);
    const paymentId = await startedPayment(permitId);
    // A clerk lowers a fee while the payer is at the gateway.
    await store.append(
      permitStream(permitId),
      [
        {
          id: newId(),
          type: 'FeeOverridden',
          data: {
            permitId,
            line: 'PERMIT_FEE',
            from: fees.total,
            to: 1_000,
            reason: 'a corrected area',
            total: 1_000,
          },
          metadata: {
            actor: { id: 'clerk', role: 'clerk', municipality: 'hamedan' },
            correlationId: 'override',
            causationId: 'override',
            recordedAt: new Date().toISOString(),
            schemaVersion: 1,
          },
        },
      ],
      { expectedRevision: 'stream_exists' },
    );
    expect((await call(t.app, 'POST', `/sandbox-gateway/${paymentId}/pay`)).statusCode).toBe(200);
    // The refusal is the record-permit-payment reaction's, a moment after the callback was answered.
    const payment = await paymentOnceSettled(paymentId);
    expect(payment).toMatchObject({
      status: 'rejected_by_file',
      rejection: { code: 'PAYMENT.AMOUNT_MISMATCH' },
    });
    const file = (await call(t.app, 'GET', `/permits/${permitId}`, { token: owner })).json();
    expect(file).toMatchObject({ status: 'fees_assessed', payments: [], fees: { outstanding: 1_000 } });
  });

  it('lets only the applicant, or a counter office acting for them, start a payment', async () => {
    const permitId = await feesAssessedFile(t.app);
    const strangers = await startPayment(permitId, stranger);
    expect(strangers.statusCode).toBe(404);
    expect(strangers.json()).toMatchObject({ code: 'PERMIT.NOT_FOUND' });
    expect((await startPayment(permitId, counter)).statusCode).toBe(404);
    expect((await startPayment(permitId, clerk)).statusCode).toBe(403);

    const forOwner = await startPayment(permitId, counter, {}, { 'x-on-behalf-of': OWNER });
    expect(forOwner.statusCode).toBe(201);
    const payment = await call(t.app, 'GET', `/payments/${forOwner.json().paymentId}`, {
      token: counter,
      headers: { 'x-on-behalf-of': OWNER },
    });
    expect(payment.json()).toMatchObject({ payerNationalId: OWNER, status: 'started' });
  });

  it('asks for a fine only when the commission’s fine is due', async () => {
    const res = await startPayment(await feesAssessedFile(t.app), owner, { purpose: 'fine' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'PAYMENT.NOTHING_DUE', details: { status: 'fees_assessed' } });
    expect((await startPayment(newId(), owner, { purpose: 'dues' })).statusCode).toBe(400);
  });
});

describe('online payment in production', () => {
  let t: TestApp;
  let pkiDir: string;

  beforeAll(async () => {
    pkiDir = mkdtempSync(join(tmpdir(), 'daftar-pki-'));
    t = await startTestApp({
      env: {
        NODE_ENV: 'production',
        DAFTAR_ADMIN_PASSWORD: 'the-first-admin-secret',
        ...(await writeProductionPki(pkiDir)),
      },
    });
  });
  afterAll(async () => {
    await t.close();
    rmSync(pkiDir, { recursive: true, force: true });
  });

  it('starts without a callback secret and serves neither the sandbox nor signed callbacks', async () => {
    for (const [method, url] of [
      ['GET', '/sandbox-gateway/any'],
      ['POST', '/sandbox-gateway/any/pay'],
      ['POST', '/sandbox-gateway/any/cancel'],
    ] as const) {
      const res = await call(t.app, method, url);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'HTTP.NOT_FOUND' });
    }
    // Production registers citizens through the real identity registry; this one is made directly.
    const citizen = (await signedInUser(t.app, OWNER, [{ role: 'citizen' }])).token;
    const start = await call(t.app, 'POST', `/permits/${newId()}/payments/online`, {
      token: citizen,
      body: {},
    });
    // Production pays through Zarinpal (here pointing at nothing): an unknown file is refused first.
    expect(start.statusCode).toBe(404);
    expect(start.json()).toMatchObject({ code: 'PERMIT.NOT_FOUND' });
    // Zarinpal's word is its verification: no secret signs a callback for it.
    const body = JSON.stringify({ paymentId: newId(), status: 'failed' });
    const signed = await callback(t, body, signCallback(SECRET, Buffer.from(body)));
    expect([signed.statusCode, signed.json()]).toEqual([
      404,
      expect.objectContaining({ code: 'HTTP.NOT_FOUND' }),
    ]);
  });
});
