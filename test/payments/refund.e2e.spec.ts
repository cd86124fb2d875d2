import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { signCallback } from '../../src/payments/callback-signature.js';
import { PAYMENT_GATEWAY, type PaymentGateway } from '../../src/payments/payment-gateway.port.js';
import { permitStream } from '../../src/permits/permit.events.js';
import { events, fees } from '../../src/permits/permit.fixtures.js';
import { DomainError } from '../../src/shared/domain-error.js';
import type { Role } from '../../src/identity/roles.js';
import { newId } from '../../src/shared/ids.js';
import { bootstrapAdmin, signedInUser } from '../support/bootstrap-admin.js';
import { registeredCitizen } from '../support/citizens.js';
import { twoProvinces, registerAll } from '../support/directory.js';
import { call } from '../support/http.js';
import { feesAssessedFile } from '../support/seeded-permits.js';
import { startTestApp, type TestApp, untilProjected, untilSettled } from '../support/test-app.js';

const OWNER = '0013542419';
const SECRET = 'the-gateway-secret-agreed-with-the-bank';

describe('refunds (استرداد وجه) of gateway payments', () => {
  let t: TestApp;
  let store: EventStore;
  let owner: string;
  let clerk: string;
  let secondClerk: string;
  let cashier: string;
  let qazvinClerk: string;

  async function settled(): Promise<void> {
    for (let round = 0; round < 3; round += 1) {
      const head = await store.headPosition();
      expect(await untilProjected(t.app, head!)).toBe(true);
    }
  }

  /** Starts a payment for the file's fees and has the sandbox gateway confirm it. */
  async function paidOnline(permitId: string, meanwhile = async () => {}): Promise<string> {
    const started = await call(t.app, 'POST', `/permits/${permitId}/payments/online`, {
      token: owner,
      body: {},
    });
    expect(started.statusCode).toBe(201);
    const { paymentId } = started.json();
    await meanwhile();
    const rawBody = JSON.stringify({
      paymentId,
      status: 'paid',
      reference: `BANK-${newId()}`,
      amount: fees.total,
      paidAt: new Date().toISOString(),
    });
    const answer = await t.app.inject({
      method: 'POST',
      url: '/payments/gateway/callback',
      headers: {
        'content-type': 'application/json',
        'x-gateway-signature': signCallback(SECRET, Buffer.from(rawBody)),
      },
      payload: rawBody,
    });
    expect(answer.statusCode).toBeLessThan(300);
    await settled();
    return paymentId as string;
  }

  /** The notification queued because of the event `cause`, once the notifications reaction has got to it. */
  async function queuedNoticeOf(cause: string): Promise<unknown> {
    await untilSettled(t.app);
    const { events } = await store.readAll(undefined, { types: ['NotificationQueued'] });
    return events.find((e) => (e.data as { item: { cause: string } }).item.cause === cause)?.data;
  }

  /** The permit issued on the file, appended straight to its stream. */
  async function issue(permitId: string): Promise<void> {
    // After the payment is recorded on the file, which a reaction does.
    await untilSettled(t.app);
    const history = await store.readStream(permitStream(permitId));
    const revision = history.at(-1)!.revision;
    await store.append(
      permitStream(permitId),
      [
        {
          id: newId(),
          ...events.issued,
          data: { ...events.issued.data, permitId },
          metadata: {
            actor: { id: 'system:test', role: 'system' },
            correlationId: `issue-${permitId}`,
            causationId: `issue-${permitId}`,
            recordedAt: new Date().toISOString(),
            schemaVersion: 1,
          },
        },
      ],
      { expectedRevision: revision },
    );
    await settled();
  }

  /** A refund of the whole payment of a file paid and then withdrawn, approved by a second clerk. */
  async function approvedRefund(): Promise<{ refundId: string; paymentId: string }> {
    const permitId = await feesAssessedFile(t.app);
    const paymentId = await paidOnline(permitId);
    await withdraw(permitId);
    const requested = await call(t.app, 'POST', '/refunds', {
      token: clerk,
      body: { paymentId, reason: 'withdrawn after paying' },
    });
    const { refundId } = requested.json();
    const approved = await call(t.app, 'POST', `/refunds/${refundId}/approve`, { token: secondClerk });
    expect(approved.json()).toMatchObject({ status: 'approved' });
    return { refundId, paymentId };
  }

  async function withdraw(permitId: string): Promise<void> {
    const answer = await call(t.app, 'POST', `/permits/${permitId}/withdrawal`, { token: owner, body: {} });
    expect(answer.statusCode).toBeLessThan(300);
  }

  beforeAll(async () => {
    t = await startTestApp({ env: { DAFTAR_GATEWAY_SECRET: SECRET } });
    store = t.app.get<EventStore>(EVENT_STORE);
    const admin = await bootstrapAdmin(t.app);
    await registerAll(t.app, admin, { municipalities: twoProvinces });
    owner = await registeredCitizen(t.app, OWNER, 'زهرا احمدی');
    const staff = (name: string, role: Role, municipality = 'hamedan') =>
      signedInUser(t.app, name, [{ role, municipality }]).then((user) => user.token);
    clerk = await staff('clerk', 'clerk');
    secondClerk = await staff('clerk2', 'clerk');
    cashier = await staff('cashier', 'cashier');
    qazvinClerk = await staff('qazvin-clerk', 'clerk', 'qazvin');
  });
  afterAll(() => t.close());

  it('asks for the whole payment back when the file refuses it, as the system', async () => {
    const permitId = await feesAssessedFile(t.app);
    // The file is withdrawn after the payment started: the gateway takes the money all the same.
    const paymentId = await paidOnline(permitId, () => withdraw(permitId));

    await untilSettled(t.app);
    const refund = await call(t.app, 'GET', `/refunds/${paymentId}`, { token: clerk });
    expect(refund.statusCode).toBe(200);
    expect(refund.json()).toMatchObject({
      paymentId,
      permitId,
      amount: fees.total,
      payerNationalId: OWNER,
      requestedBy: 'system:refunds',
      status: 'requested',
    });
    // Nothing is left of the payment for a clerk to ask back by hand.
    const more = await call(t.app, 'POST', '/refunds', {
      token: clerk,
      body: { paymentId, reason: 'again', amount: 1 },
    });
    expect(more.statusCode).toBe(409);
    expect(more.json()).toMatchObject({ code: 'REFUND.EXCEEDS_PAYMENT', details: { refundable: 0 } });

    // Declined, it no longer holds the money: a clerk may ask for it again.
    const declined = await call(t.app, 'POST', `/refunds/${paymentId}/decline`, {
      token: clerk,
      body: { reason: 'the applicant asked to keep it as credit' },
    });
    expect(declined.json()).toMatchObject({ status: 'declined', decline: { reason: expect.any(String) } });
    const again = await call(t.app, 'POST', '/refunds', {
      token: clerk,
      body: { paymentId, reason: 'asked again' },
    });
    expect(again.json()).toMatchObject({ amount: fees.total, status: 'requested' });
  });

  it('is requested by a clerk, approved by a second, paid through the gateway, and seen by the payer', async () => {
    const permitId = await feesAssessedFile(t.app);
    const paymentId = await paidOnline(permitId);
    // Paid, then withdrawn before the permit was issued: the municipality gives the fees back.
    await withdraw(permitId);

    const tooMuch = await call(t.app, 'POST', '/refunds', {
      token: clerk,
      body: { paymentId, amount: fees.total + 1, reason: 'withdrawn after paying' },
    });
    expect(tooMuch.json()).toMatchObject({ code: 'REFUND.EXCEEDS_PAYMENT' });
    const requested = await call(t.app, 'POST', '/refunds', {
      token: clerk,
      body: { paymentId, reason: 'withdrawn after paying' },
    });
    expect(requested.statusCode).toBe(201);
    const { refundId, amount } = requested.json();
    expect(amount).toBe(fees.total);
    expect(requested.headers['location']).toBe(`/refunds/${refundId}`);

    const sameClerk = await call(t.app, 'POST', `/refunds/${refundId}/approve`, { token: clerk });
    expect(sameClerk.statusCode).toBe(403);
    expect(sameClerk.json()).toMatchObject({ code: 'REFUND.SAME_APPROVER' });
    const elsewhere = await call(t.app, 'POST', `/refunds/${refundId}/approve`, { token: qazvinClerk });
    expect(elsewhere.statusCode).toBe(404);
    const early = await call(t.app, 'POST', `/refunds/${refundId}/pay`, {
      token: cashier,
      body: { method: 'gateway' },
    });
    expect(early.json()).toMatchObject({ code: 'REFUND.NOT_APPROVED' });

    const approved = await call(t.app, 'POST', `/refunds/${refundId}/approve`, { token: secondClerk });
    expect(approved.statusCode).toBe(201);
    expect(approved.json()).toMatchObject({ status: 'approved' });
    const paid = await call(t.app, 'POST', `/refunds/${refundId}/pay`, {
      token: cashier,
      body: { method: 'gateway' },
    });
    expect(paid.statusCode).toBe(201);
    expect(paid.json()).toMatchObject({
      status: 'paid',
      payout: { method: 'gateway', refundReference: expect.stringMatching(/^REFUND-BANK-/) },
    });

    const payment = await call(t.app, 'GET', `/payments/${paymentId}`, { token: owner });
    expect(payment.json().refunds).toEqual([expect.objectContaining({ refundId, status: 'paid', amount })]);
    const ofFile = await call(t.app, 'GET', `/permits/${permitId}/refunds`, { token: owner });
    expect(ofFile.json().items).toEqual([expect.objectContaining({ refundId, status: 'paid' })]);
    // The payer sees that it was approved and when; which staff member did it is the municipality's.
    const seen = await call(t.app, 'GET', `/refunds/${refundId}`, { token: owner });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().approval).toEqual({ at: expect.any(String) });
    expect(seen.json()).not.toHaveProperty('requestedBy');
    expect(payment.json().refunds[0].approval).toEqual({ at: expect.any(String) });
    expect(ofFile.json().items[0].payoutAttempt).not.toHaveProperty('by');
    const byStaff = await call(t.app, 'GET', `/refunds/${refundId}`, { token: cashier });
    expect(byStaff.json()).toMatchObject({
      requestedBy: expect.any(String),
      approval: { by: expect.any(String) },
    });

    // The payer is told the money went back.
    const [refundPaid] = (await store.readStream(`refunds-${paymentId}`)).filter(
      (e) => e.type === 'RefundPaid',
    );
    expect(await queuedNoticeOf(refundPaid!.id)).toMatchObject({
      item: { topic: 'refund_paid', facts: { amount, method: 'gateway' } },
    });

    for (const url of [`/refunds/${refundId}`, `/permits/${permitId}/refunds`]) {
      expect((await call(t.app, 'GET', url, { token: qazvinClerk })).statusCode).toBe(404);
    }
  });

  it('gives the money once when two clerks ask for all of it at the same moment', async () => {
    const permitId = await feesAssessedFile(t.app);
    const paymentId = await paidOnline(permitId);
    await withdraw(permitId);

    const ask = (token: string) =>
      call(t.app, 'POST', '/refunds', { token, body: { paymentId, reason: 'withdrawn after paying' } });
    const answers = await Promise.all([ask(clerk), ask(secondClerk), ask(clerk)]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 409, 409]);
    const refused = answers.filter((answer) => answer.statusCode === 409);
    for (const answer of refused) expect(answer.json()).toMatchObject({ code: 'REFUND.EXCEEDS_PAYMENT' });
  });

  it('refuses to refund a payment the file keeps: its permit was issued', async () => {
    const permitId = await feesAssessedFile(t.app);
    const paymentId = await paidOnline(permitId);
    await issue(permitId);
    const refused = await call(t.app, 'POST', '/refunds', {
      token: clerk,
      body: { paymentId, reason: 'the applicant changed their mind' },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'REFUND.FILE_KEEPS_PAYMENT',
      details: { fileStatus: 'issued', issued: true },
    });
    expect(await store.readStream(`refunds-${paymentId}`)).toEqual([]);
  });

  it('asks the gateway once when two cashiers pay the same refund at the same moment', async () => {
    const { refundId } = await approvedRefund();
    const gateway = t.app.get<PaymentGateway>(PAYMENT_GATEWAY);
    const refund = gateway.refund.bind(gateway);
    const calls = jest.spyOn(gateway, 'refund').mockImplementation(async (request) => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return refund(request);
    });
    try {
      const pay = () =>
        call(t.app, 'POST', `/refunds/${refundId}/pay`, { token: cashier, body: { method: 'gateway' } });
      const answers = await Promise.all([pay(), pay(), pay()]);
      expect(calls).toHaveBeenCalledTimes(1);
      expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 409, 409]);
      for (const answer of answers.filter((a) => a.statusCode === 409))
        expect(answer.json()).toMatchObject({ code: 'REFUND.PAYOUT_IN_PROGRESS' });
      // Paid: a retry after the answer is refused too, without asking the gateway.
      expect((await pay()).json()).toMatchObject({ code: 'REFUND.ALREADY_PAID' });
      expect(calls).toHaveBeenCalledTimes(1);
    } finally {
      calls.mockRestore();
    }
  });

  it('leaves a payout the gateway never answered paying, for a cashier to settle from its panel', async () => {
    const { refundId } = await approvedRefund();
    const gateway = t.app.get<PaymentGateway>(PAYMENT_GATEWAY);
    const calls = jest
      .spyOn(gateway, 'refund')
      .mockRejectedValue(new DomainError('PAYMENT.GATEWAY_UNAVAILABLE', 'timed out', 'unavailable'));
    try {
      const pay = () =>
        call(t.app, 'POST', `/refunds/${refundId}/pay`, { token: cashier, body: { method: 'gateway' } });
      const unknown = await pay();
      expect(unknown.statusCode).toBe(503);
      expect(unknown.json()).toMatchObject({ code: 'REFUND.PAYOUT_OUTCOME_UNKNOWN' });
      await settled();
      expect((await call(t.app, 'GET', `/refunds/${refundId}`, { token: cashier })).json()).toMatchObject({
        status: 'paying',
      });
      // A retry does not refund again blindly, nor does the cash desk pay it meanwhile.
      expect((await pay()).json()).toMatchObject({ code: 'REFUND.PAYOUT_IN_PROGRESS' });
      const atDesk = await call(t.app, 'POST', `/refunds/${refundId}/pay`, {
        token: cashier,
        body: { method: 'cash_desk', receiptReference: 'RCPT-1' },
      });
      expect(atDesk.json()).toMatchObject({ code: 'REFUND.PAYOUT_IN_PROGRESS' });
      expect(calls).toHaveBeenCalledTimes(1);

      const settle = (body: object) =>
        call(t.app, 'POST', `/refunds/${refundId}/settle-payout`, { token: cashier, body });
      const settled_ = await settle({ outcome: 'paid', refundReference: 'ZP-REFUND-77' });
      expect(settled_.statusCode).toBe(201);
      expect(settled_.json()).toMatchObject({
        status: 'paid',
        payout: { method: 'gateway', refundReference: 'ZP-REFUND-77' },
      });
      expect((await settle({ outcome: 'failed' })).json()).toMatchObject({ code: 'REFUND.NOT_PAYING' });
      expect(
        (
          await call(t.app, 'POST', `/refunds/${refundId}/settle-payout`, {
            token: clerk,
            body: { outcome: 'failed' },
          })
        ).statusCode,
      ).toBe(403);
    } finally {
      calls.mockRestore();
    }
  });
});
