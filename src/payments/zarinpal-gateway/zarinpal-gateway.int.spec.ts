import { bootstrapAdmin } from '../../../test/support/bootstrap-admin.js';
import { registeredCitizen } from '../../../test/support/citizens.js';
import { hamedan, registerAll } from '../../../test/support/directory.js';
import { call } from '../../../test/support/http.js';
import { feesAssessedFile } from '../../../test/support/seeded-permits.js';
import { startTestApp, type TestApp, untilProjected } from '../../../test/support/test-app.js';
import {
  STAND_IN_ACCESS_TOKEN,
  STAND_IN_MERCHANT_ID,
  zarinpalStandIn,
  type ZarinpalStandIn,
} from '../../../test/support/zarinpal-stand-in.js';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.port.js';
import { fees } from '../../permits/permit.fixtures.js';
import { demoRuleSet } from '../../rule-sets/demo-rule-set.js';
import { newId } from '../../shared/ids.js';
import { signCallback } from '../callback-signature.js';
import { ExpirePayments } from '../expire-payments/expire-payments.js';
import { paymentStream } from '../payment.events.js';
import { PAYMENT_GATEWAY, type PaymentGateway } from '../payment-gateway.port.js';
import { PaymentsReadModel } from '../payments.read-model.js';
import { SettlePayments } from '../settle-payments.js';
import { sessionIdOf, ZarinpalGateway } from './zarinpal-gateway.js';

const OWNER = '0013542419';

describe('ZarinpalGateway against a local stand-in of Zarinpal’s REST API v4', () => {
  let zarinpal: ZarinpalStandIn;
  let url: string;
  let gateway: ZarinpalGateway;
  const authorities = new Map<string, string>();

  beforeAll(async () => {
    zarinpal = zarinpalStandIn();
    url = await zarinpal.start();
    gateway = new ZarinpalGateway(
      {
        merchantId: STAND_IN_MERCHANT_ID,
        url,
        refundUrl: `${url}/api/v4/graphql`,
        accessToken: STAND_IN_ACCESS_TOKEN,
        timeoutMs: 2000,
        returnUrl: 'https://daftar.example.ir/payments/zarinpal/return',
      },
      (paymentId) => authorities.get(paymentId),
    );
  });
  afterAll(() => zarinpal.stop());

  async function started(amount = 844_800_000) {
    const paymentId = newId();
    const start = await gateway.start({ paymentId, amount, description: 'عوارض پروانهٔ ساختمانی' });
    authorities.set(paymentId, start.gatewayReference!);
    return { paymentId, amount, authority: start.gatewayReference!, redirectUrl: start.redirectUrl };
  }

  it('requests with merchant_id, rials, callback_url and the order id, and sends the payer to StartPay', async () => {
    const { paymentId, authority, redirectUrl } = await started();
    expect(authority).toMatch(/^A0+\d+$/);
    expect(redirectUrl).toBe(`${url}/pg/StartPay/${authority}`);
    expect(zarinpal.requests.at(-1)).toEqual({
      path: '/pg/v4/payment/request.json',
      body: {
        merchant_id: STAND_IN_MERCHANT_ID,
        amount: 844_800_000,
        currency: 'IRR',
        callback_url: 'https://daftar.example.ir/payments/zarinpal/return',
        description: 'عوارض پروانهٔ ساختمانی',
        metadata: { order_id: paymentId },
      },
    });
  });

  it('verifies a paid authority (100), then again as already verified (101) with the same ref_id', async () => {
    const { authority, amount } = await started();
    zarinpal.pay(authority);
    const first = await gateway.verify({ gatewayReference: authority, amount });
    expect(first).toEqual({ paid: true, reference: expect.stringMatching(/^\d+$/), amount });
    expect(await gateway.verify({ gatewayReference: authority, amount })).toEqual(first);
  });

  it.each([
    ['unpaid (the payer cancelled)', false, 0, '-51'],
    ['for another amount', true, 1, '-50'],
  ])('does not take an authority %s as paid', async (_, pay, more, code) => {
    const { authority, amount } = await started();
    if (pay) zarinpal.pay(authority);
    expect(await gateway.verify({ gatewayReference: authority, amount: amount + more })).toEqual({
      paid: false,
      code,
      reason: expect.stringContaining(`Zarinpal ${code}`),
    });
  });

  it('knows no unknown authority (-54)', async () => {
    expect(await gateway.verify({ gatewayReference: `A${'9'.repeat(35)}`, amount: 10_000 })).toMatchObject({
      paid: false,
      code: '-54',
    });
  });

  it('refunds part of a verified payment through AddRefund, by its session, and refuses too much', async () => {
    const { paymentId, authority, amount } = await started(100_000);
    zarinpal.pay(authority);
    await gateway.verify({ gatewayReference: authority, amount });
    const refund = { paymentId, reference: '201', amount: 60_000, reason: 'fees reduced' };
    expect(await gateway.refund(refund)).toEqual({ refundReference: sessionIdOf(authority) });
    expect(zarinpal.refundedOf(authority)).toBe(60_000);
    expect(zarinpal.requests.at(-1)?.body['variables']).toMatchObject({
      session_id: sessionIdOf(authority),
      amount: 60_000,
      method: 'CARD',
    });
    await expect(gateway.refund(refund)).rejects.toMatchObject({ code: 'PAYMENT.REFUND_REFUSED' });
    await expect(gateway.refund({ ...refund, amount: 1000 })).rejects.toMatchObject({
      code: 'PAYMENT.REFUND_REFUSED',
    });
  });

  it('is unavailable, not refused, while Zarinpal is down', async () => {
    const { authority, amount } = await started();
    zarinpal.setDown(true);
    try {
      await expect(gateway.verify({ gatewayReference: authority, amount })).rejects.toMatchObject({
        code: 'PAYMENT.GATEWAY_UNAVAILABLE',
        kind: 'unavailable',
      });
      await expect(gateway.start({ paymentId: newId(), amount, description: 'x' })).rejects.toMatchObject({
        code: 'PAYMENT.GATEWAY_UNAVAILABLE',
      });
    } finally {
      zarinpal.setDown(false);
    }
  });
});

describe('paying a permit file through Zarinpal: request → return → verify → refund, and expiry', () => {
  let zarinpal: ZarinpalStandIn;
  let t: TestApp;
  let store: EventStore;
  let owner: string;

  beforeAll(async () => {
    zarinpal = zarinpalStandIn();
    const url = await zarinpal.start();
    t = await startTestApp({
      env: {
        DAFTAR_PAYMENT_GATEWAY: 'zarinpal',
        DAFTAR_ZARINPAL_MERCHANT_ID: STAND_IN_MERCHANT_ID,
        DAFTAR_ZARINPAL_URL: url,
        DAFTAR_ZARINPAL_REFUND_URL: `${url}/api/v4/graphql`,
        DAFTAR_ZARINPAL_ACCESS_TOKEN: STAND_IN_ACCESS_TOKEN,
        DAFTAR_ZARINPAL_TIMEOUT_MS: '2000',
      },
    });
    store = t.app.get<EventStore>(EVENT_STORE);
    const admin = await bootstrapAdmin(t.app);
    await registerAll(t.app, admin, { municipalities: [hamedan] });
    await call(t.app, 'POST', '/rule-sets/hamedan', {
      token: admin,
      body: { ...demoRuleSet, effectiveFrom: '2020-01-01' },
    });
    owner = await registeredCitizen(t.app, OWNER, 'زهرا احمدی');
  });
  afterAll(async () => {
    await t.close();
    await zarinpal.stop();
  });

  async function startedPayment() {
    const res = await call(t.app, 'POST', `/permits/${await feesAssessedFile(t.app)}/payments/online`, {
      token: owner,
      body: {},
    });
    expect(res.statusCode).toBe(201);
    const { paymentId, redirectUrl } = res.json() as { paymentId: string; redirectUrl: string };
    const authority = redirectUrl.split('/pg/StartPay/')[1]!;
    return { paymentId, authority };
  }

  const comeBack = (authority: string, status: 'OK' | 'NOK', accept = 'application/json') =>
    call(t.app, 'GET', `/payments/zarinpal/return?Authority=${authority}&Status=${status}`, {
      headers: { accept },
    });
  const typesIn = async (paymentId: string) =>
    (await store.readStream(paymentStream(paymentId))).map((event) => event.type);
  /** The notification item the event caused, once the reaction has queued it. */
  async function toldOf(cause: string): Promise<Record<string, unknown> | undefined> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const { events } = await store.readAll(undefined, { categories: ['notification'] });
      const item = events
        .map((event) => (event.data as { item?: { cause?: string } }).item)
        .find((each) => each?.cause === cause);
      if (item || Date.now() > deadline) return item;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  const payment = (paymentId: string) =>
    call(t.app, 'GET', `/payments/${paymentId}`, { token: owner }).then((res) => res.json());

  it('records the authority, verifies the return with Zarinpal once, and refunds through it', async () => {
    const { paymentId, authority } = await startedPayment();
    expect(await payment(paymentId)).toMatchObject({ gateway: 'zarinpal', gatewayReference: authority });
    zarinpal.pay(authority);

    const back = await comeBack(authority, 'OK');
    expect(back.statusCode).toBe(200);
    expect(back.json()).toEqual({
      paymentId,
      status: 'confirmed',
      reference: expect.stringMatching(/^\d+$/),
    });
    // A repeat (a reload, or anyone holding the authority) learns the status, not the payment.
    const page = await comeBack(authority, 'OK', 'text/html');
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('پرداخت انجام شد');
    expect(page.body).not.toContain(back.json().reference);
    expect(await typesIn(paymentId)).toEqual(['PaymentStarted', 'PaymentConfirmed']);

    const gateway = t.app.get<PaymentGateway>(PAYMENT_GATEWAY);
    await expect(
      gateway.refund({ paymentId, reference: back.json().reference, amount: 50_000, reason: 'overpaid' }),
    ).resolves.toEqual({ refundReference: expect.any(String) });
    expect(zarinpal.refundedOf(authority)).toBe(50_000);
  });

  it('never trusts Status=OK: an unpaid authority is not paid yet, and nothing is recorded', async () => {
    const { paymentId, authority } = await startedPayment();
    const back = await comeBack(authority, 'OK');
    expect(back.json()).toEqual({ status: 'not_paid_yet' });
    const page = await comeBack(authority, 'OK', 'text/html');
    expect(page.body).toContain('پرداخت هنوز تأیید نشده است');
    expect(await typesIn(paymentId)).toEqual(['PaymentStarted']);
  });

  it('lets no forged early return stop a real payment: the payer pays after it, and the sweep confirms', async () => {
    const { paymentId, authority } = await startedPayment();
    // Anyone holding the authority comes back first, before the payer paid, claiming a cancellation.
    expect((await comeBack(authority, 'NOK')).json()).toEqual({ status: 'cancelled' });
    expect((await comeBack(authority, 'NOK', 'text/html')).body).toContain('پرداخت لغو شد');
    expect(await typesIn(paymentId)).toEqual(['PaymentStarted']);
    // The payer pays and closes the browser: only the expiry sweep is left to capture the money.
    zarinpal.pay(authority);
    const later = new Date(Date.now() + (t.config.paymentIntentMinutes + 1) * 60_000);
    await t.app.get(ExpirePayments).sweep(later);
    expect(await typesIn(paymentId)).toEqual(['PaymentStarted', 'PaymentConfirmed']);
  });

  it('serves neither the sandbox’s pages nor signed callbacks: they cannot confirm a Zarinpal intent', async () => {
    const { paymentId } = await startedPayment();
    for (const [method, path] of [
      ['POST', `/sandbox-gateway/${paymentId}/pay`],
      ['POST', `/sandbox-gateway/${paymentId}/cancel`],
      ['GET', `/sandbox-gateway/${paymentId}`],
    ] as const) {
      const res = await call(t.app, method, path);
      expect([path, res.statusCode, res.body]).toEqual([
        path,
        404,
        expect.stringContaining('HTTP.NOT_FOUND'),
      ]);
    }
    const body = JSON.stringify({
      paymentId,
      status: 'paid',
      reference: 'SBX-1',
      amount: 1,
      paidAt: '2026-01-01T00:00:00Z',
    });
    const signed = await t.app.inject({
      method: 'POST',
      url: '/payments/gateway/callback',
      headers: {
        'content-type': 'application/json',
        'x-gateway-signature': signCallback('s'.repeat(32), Buffer.from(body)),
      },
      payload: body,
    });
    expect([signed.statusCode, signed.json().code]).toEqual([404, 'HTTP.NOT_FOUND']);
    expect(await typesIn(paymentId)).toEqual(['PaymentStarted']);
  });

  it('tells a repeat return the status alone, and says truthfully that the file refused a payment', async () => {
    const permitId = await feesAssessedFile(t.app);
    const twice = await Promise.all(
      [1, 2].map(async () => {
        const res = await call(t.app, 'POST', `/permits/${permitId}/payments/online`, {
          token: owner,
          body: {},
        });
        const { paymentId, redirectUrl } = res.json() as { paymentId: string; redirectUrl: string };
        return { paymentId, authority: redirectUrl.split('/pg/StartPay/')[1]! };
      }),
    );
    for (const { authority } of twice) zarinpal.pay(authority);
    const [first, second] = twice as [(typeof twice)[0], (typeof twice)[0]];
    expect((await comeBack(first.authority, 'OK')).json()).toMatchObject({
      paymentId: first.paymentId,
      status: 'confirmed',
    });
    expect((await comeBack(second.authority, 'OK')).json()).toMatchObject({ paymentId: second.paymentId });
    // The file is paid once: the second payment is refused by it and a refund is requested.
    const deadline = Date.now() + 10_000;
    while (!(await typesIn(second.paymentId)).includes('PaymentRejectedByFile') && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    await untilProjected(t.app, (await store.headPosition())!);
    expect((await comeBack(first.authority, 'OK')).json()).toEqual({ status: 'confirmed' });
    expect((await comeBack(second.authority, 'OK')).json()).toEqual({ status: 'rejected_by_file' });
    const page = await comeBack(second.authority, 'OK', 'text/html');
    expect(page.body).toContain('پرونده آن را نپذیرفت');
    expect(page.body).toContain('درخواست بازپرداخت');
    expect(page.body).not.toContain('id="reference"');
  });

  it('answers 503 and records nothing while Zarinpal is down', async () => {
    const { paymentId, authority } = await startedPayment();
    zarinpal.setDown(true);
    try {
      const back = await comeBack(authority, 'NOK');
      expect(back.statusCode).toBe(503);
      expect(back.json()).toMatchObject({ code: 'PAYMENT.GATEWAY_UNAVAILABLE' });
      const start = await call(t.app, 'POST', `/permits/${await feesAssessedFile(t.app)}/payments/online`, {
        token: owner,
        body: {},
      });
      expect(start.statusCode).toBe(503);
    } finally {
      zarinpal.setDown(false);
    }
    expect(await typesIn(paymentId)).toEqual(['PaymentStarted']);
  });

  it('refuses a return without a well-formed or known authority', async () => {
    expect((await comeBack('not-an-authority', 'OK')).statusCode).toBe(400);
    expect((await comeBack(`A${'7'.repeat(35)}`, 'OK')).json()).toMatchObject({ code: 'PAYMENT.NOT_FOUND' });
  });

  it('expires an intent whose payer never came back, but confirms one that was paid meanwhile', async () => {
    const abandoned = await startedPayment();
    const paidButGone = await startedPayment();
    zarinpal.pay(paidButGone.authority);
    const sweep = t.app.get(ExpirePayments);
    expect(await sweep.sweep(new Date())).toBe(0);
    const later = new Date(Date.now() + (t.config.paymentIntentMinutes + 1) * 60_000);
    expect(await sweep.sweep(later)).toBeGreaterThanOrEqual(1);
    expect(await typesIn(abandoned.paymentId)).toEqual(['PaymentStarted', 'PaymentExpired']);
    expect(await typesIn(paidButGone.paymentId)).toEqual(['PaymentStarted', 'PaymentConfirmed']);
    await untilProjected(t.app, (await store.headPosition())!);
    expect(await payment(abandoned.paymentId)).toMatchObject({ status: 'expired' });
    const [expiredEvent] = await store.readStream(paymentStream(abandoned.paymentId), { fromRevision: 1n });
    expect(await toldOf(expiredEvent!.id)).toMatchObject({
      topic: 'payment_expired',
      facts: { amount: fees.total },
    });

    // The payer pays after all and comes back late: money taken is recorded, not lost.
    zarinpal.pay(abandoned.authority);
    expect((await comeBack(abandoned.authority, 'OK')).json()).toMatchObject({ status: 'confirmed' });
    expect(await typesIn(abandoned.paymentId)).toEqual([
      'PaymentStarted',
      'PaymentExpired',
      'PaymentConfirmed',
    ]);
  });

  it('sweeps past intents it cannot settle: one failure stops neither the batch nor the next sweeps', async () => {
    // Stuck in front of it: started before it, and due as well.
    for (let each = 0; each < 3; each += 1) await startedPayment();
    const due = await startedPayment();
    const sweep = t.app.get(ExpirePayments);
    const settle = t.app.get(SettlePayments);
    const verify = settle.verify.bind(settle);
    // Every other due intent fails with something that is not a DomainError (a bug, a broken answer).
    const spy = jest.spyOn(settle, 'verify').mockImplementation((payment) => {
      if (payment.paymentId === due.paymentId) return verify(payment);
      throw new TypeError('not a DomainError');
    });
    try {
      const later = new Date(Date.now() + (t.config.paymentIntentMinutes + 1) * 60_000);
      const stuck = t.app.get(PaymentsReadModel).list({ where: { status: 'started' }, limit: 1 }).total;
      expect(stuck).toBeGreaterThanOrEqual(4);
      // Batches of 2, fewer than the intents stuck in front: each sweep goes on where the last stopped.
      for (let round = 0; round < stuck; round += 1) {
        await sweep.sweep(later, 2);
        if ((await typesIn(due.paymentId)).length > 1) break;
      }
      expect(await typesIn(due.paymentId)).toEqual(['PaymentStarted', 'PaymentExpired']);
    } finally {
      spy.mockRestore();
    }
  });
});
