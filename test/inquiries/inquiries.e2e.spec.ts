import { DEMO_PASSWORD } from '../../src/identity/demo/demo-data.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { newId } from '../../src/shared/ids.js';
import { signedInUser } from '../support/bootstrap-admin.js';
import { registerAll } from '../support/directory.js';
import { call, signIn, type CallOptions } from '../support/http.js';
import { startTestApp, untilReady, untilSettled, type TestApp } from '../support/test-app.js';

/** The demo citizen's parcel, which owes nothing. */
const CLEAR = '1-1-1-1-0-0-0';
/** Owes the renewal dues (عوارض نوسازی) of the current year. */
const OWING = '1-1-1-2-0-0-0';
/** A building whose owner owes two years of dues. */
const OWING_BUILDING = '2-2-39-17-0-0-0';
/** Vacant land with unpaid dues: nothing a utility could connect. */
const VACANT_OWING = '3-3-26-47-0-0-0';
/** Owes the dues of an earlier year. */
const OWING_EARLIER = '4-1-14-1-0-0-0';

describe('property inquiries over HTTP, as the demo users', () => {
  let t: TestApp;
  const token: Record<string, string> = {};

  const as = (who: string | CallOptions, method: 'GET' | 'POST', url: string, body?: unknown) =>
    call(t.app, method, url, {
      ...(typeof who === 'string' ? { token: token[who]! } : who),
      ...(body === undefined ? {} : { body }),
    });
  const file = (who: string | CallOptions, kind: string, renewalCode: string, requesterReference: string) =>
    as(who, 'POST', '/inquiries', { kind, renewalCode, requesterReference, purpose: 'sale of the property' });

  /** The inquiry once the reactions have answered it with its document (read-your-writes). */
  async function answered(who: string, inquiryId: string) {
    await untilSettled(t.app);
    const inquiry = (await as(who, 'GET', `/inquiries/${inquiryId}`)).json();
    if (!inquiry.document) throw new Error(`inquiry ${inquiryId} was not answered`);
    return inquiry;
  }

  beforeAll(async () => {
    t = await startTestApp({ env: { DAFTAR_DEMO_DATA: 'true' } });
    await untilReady(t.app);
    for (const user of ['notary', 'bank', 'utility', 'citizen', 'clerk', 'cashier', 'admin']) {
      token[user] = await signIn(t.app, user, DEMO_PASSWORD);
    }
  });
  afterAll(() => t.close());

  it('answers a notary office at once for a parcel that owes nothing, with a signed answer', async () => {
    const res = await file('notary', 'Transfer', CLEAR, 'N12-1405-0001');
    expect(res.statusCode).toBe(201);
    const inquiry = res.json();
    expect(res.headers.location).toBe(`/inquiries/${inquiry.inquiryId}`);
    expect(inquiry).toMatchObject({
      kind: 'Transfer',
      renewalCode: CLEAR,
      organisation: 'notary-office-12',
      status: 'answered',
      answer: { outcome: 'cleared', answeredBy: 'automatic' },
      document: { code: expect.any(String), kind: 'InquiryAnswer' },
      overdue: false,
    });
    expect(Date.parse(inquiry.dueAt) - Date.parse(inquiry.filedAt)).toBe(3 * 86_400_000);

    const verified = (await call(t.app, 'GET', `/v/${inquiry.document.code}`)).json();
    expect(verified).toMatchObject({
      status: 'valid',
      kind: 'InquiryAnswer',
      summary: {
        renewalCode: CLEAR,
        inquiryId: inquiry.inquiryId,
        inquiryKind: 'Transfer',
        outcome: 'cleared',
      },
      signature: { valid: true },
    });
    const content = await as('notary', 'GET', `/documents/${inquiry.document.code}/content.json`);
    expect(content.statusCode).toBe(200);
    expect(content.json()).toMatchObject({ organisation: 'notary-office-12', body: { outcome: 'cleared' } });
  });

  it('answers the same reference filed again with the same inquiry, in one stream', async () => {
    const first = (await file('notary', 'Transfer', CLEAR, 'N12-1405-0002')).json();
    const again = await file('notary', 'Transfer', CLEAR, 'N12-1405-0002');
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ inquiryId: first.inquiryId, document: first.document });
    const events = await t.app.get<EventStore>(EVENT_STORE).readStream(`inquiry-${first.inquiryId}`);
    expect(events.map((e) => e.type)).toEqual(['InquiryFiled', 'InquiryAnswered']);
    const elsewhere = await file('notary', 'Transfer', OWING, 'N12-1405-0002');
    expect([elsewhere.statusCode, elsewhere.json().code]).toEqual([409, 'INQUIRY.REFERENCE_USED']);
  });

  it('holds a parcel with unpaid dues for the clerk with the amount, and clears it once the owner pays', async () => {
    const res = await file('notary', 'Transfer', OWING, 'N12-1405-0003');
    expect(res.statusCode).toBe(202);
    const waiting = res.json();
    expect(waiting).toMatchObject({
      status: 'awaiting_clerk',
      findings: {
        reasons: [{ code: 'UNPAID_RENEWAL_DUES' }],
        amountsDue: [{ item: 'renewal_dues', amount: expect.any(Number), year: expect.any(Number) }],
      },
    });
    expect(waiting).not.toHaveProperty('document');
    const [due] = waiting.findings.amountsDue;
    expect(waiting.findings.amountDue).toBe(due.amount);

    const worklist = (await as('clerk', 'GET', '/inquiries?pageSize=100')).json();
    expect(worklist.items).toContainEqual(
      expect.objectContaining({ inquiryId: waiting.inquiryId, status: 'awaiting_clerk', overdue: false }),
    );
    const overdue = (await as('clerk', 'GET', '/inquiries?overdue=true&pageSize=100')).json();
    expect(overdue.items).not.toContainEqual(expect.objectContaining({ inquiryId: waiting.inquiryId }));

    const paid = await as('cashier', 'POST', `/parcels/${OWING}/dues/${due.year}/payments`, {
      amount: due.amount,
      reference: 'CASH-1405-INQ-1',
    });
    expect(paid.statusCode).toBe(201);
    const cleared = await answered('notary', waiting.inquiryId);
    expect(cleared).toMatchObject({
      status: 'answered',
      answer: { outcome: 'cleared', answeredBy: 'automatic' },
    });
    expect((await call(t.app, 'GET', `/v/${cleared.document.code}`)).json()).toMatchObject({
      status: 'valid',
    });
  });

  it('flags an inquiry past its deadline on the clerks’ worklist', async () => {
    const inquiryId = newId();
    const filedAt = new Date(Date.now() - 5 * 86_400_000).toISOString();
    // Filed five days ago, due in three: recorded as it would have been then.
    await t.app.get<EventStore>(EVENT_STORE).append(
      `inquiry-${inquiryId}`,
      [
        {
          id: newId(),
          type: 'InquiryFiled',
          data: {
            inquiryId,
            kind: 'Bank',
            municipality: 'hamedan',
            renewalCode: OWING_EARLIER,
            requester: { organisation: 'bank-melli-hamedan' },
            requesterReference: 'BM-OLD-1',
            purpose: 'collateral',
            dueAt: new Date(Date.parse(filedAt) + 3 * 86_400_000).toISOString(),
          },
          metadata: {
            actor: { id: 'user-bank', role: 'bank', office: 'bank-melli-hamedan' },
            correlationId: 'old',
            causationId: 'old',
            recordedAt: filedAt,
            schemaVersion: 1,
          },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    await untilSettled(t.app);
    const seen = (await as('clerk', 'GET', `/inquiries/${inquiryId}`)).json();
    expect(seen).toMatchObject({ status: 'awaiting_clerk', overdue: true });
    const overdue = (await as('clerk', 'GET', '/inquiries?overdue=true')).json();
    expect(overdue.items.map((i: { inquiryId: string }) => i.inquiryId)).toEqual([inquiryId]);
    const onTime = (await as('clerk', 'GET', '/inquiries?overdue=false&pageSize=100')).json();
    expect(onTime.items.map((i: { inquiryId: string }) => i.inquiryId)).not.toContain(inquiryId);
    expect((await as('bank', 'GET', '/inquiries?overdue=true')).json().total).toBe(1);
  });

  it('shows an inquiry only to the organisation that filed it', async () => {
    const mine = (await file('notary', 'Transfer', CLEAR, 'N12-1405-0004')).json();
    await registerAll(t.app, token['admin']!, {
      organisations: [{ id: 'notary-office-7', kind: 'notary_office', name: 'Notary 7', officeNumber: '7' }],
    });
    const other = (
      await signedInUser(t.app, 'notary-7', [{ role: 'notary', organisation: 'notary-office-7' }])
    ).token;
    const peek = await as({ token: other }, 'GET', `/inquiries/${mine.inquiryId}`);
    expect([peek.statusCode, peek.json().code]).toEqual([404, 'INQUIRY.NOT_FOUND']);
    expect((await as({ token: other }, 'GET', '/inquiries')).json()).toMatchObject({ items: [], total: 0 });
    const document = await as({ token: other }, 'GET', `/documents/${mine.document.code}/content.json`);
    expect(document.statusCode).toBe(404);
    const own = (await as('notary', 'GET', '/inquiries?pageSize=100')).json();
    expect(own.items.map((i: { inquiryId: string }) => i.inquiryId)).toContain(mine.inquiryId);
    // The same reference from another office is another inquiry.
    expect((await file({ token: other }, 'Transfer', CLEAR, 'N12-1405-0004')).json().inquiryId).not.toBe(
      mine.inquiryId,
    );
  });

  it('tells a utility whether it may connect, never what the owner owes', async () => {
    const res = await file('utility', 'Utility', OWING_BUILDING, 'W-1405-0001');
    expect(res.statusCode).toBe(201);
    const inquiry = res.json();
    expect(inquiry.answer).toEqual({
      outcome: 'cleared',
      connectionAllowed: true,
      answeredBy: 'automatic',
      answeredAt: expect.any(String),
    });
    const content = (await as('utility', 'GET', `/documents/${inquiry.document.code}/content.json`)).json();
    expect(content.body).toEqual({
      inquiryId: inquiry.inquiryId,
      trackingNumber: inquiry.trackingNumber,
      inquiryKind: 'Utility',
      requesterReference: 'W-1405-0001',
      outcome: 'cleared',
      connectionAllowed: true,
    });
    expect(content.holders).toEqual([]);

    const vacant = await file('utility', 'Utility', VACANT_OWING, 'W-1405-0002');
    expect(vacant.statusCode).toBe(202);
    expect(vacant.json()).not.toHaveProperty('findings.amountsDue');
    const blocked = await as('clerk', 'POST', `/inquiries/${vacant.json().inquiryId}/answer`, {
      outcome: 'blocked',
      reasons: ['No building permit has been applied for'],
    });
    expect(blocked.statusCode).toBe(201);
    const seen = (await as('utility', 'GET', `/inquiries/${vacant.json().inquiryId}`)).json();
    expect(seen.answer).toEqual(expect.objectContaining({ outcome: 'blocked', connectionAllowed: false }));
    expect(JSON.stringify(seen)).not.toMatch(/amount|reasons|renewal_dues/);
  });

  it('lets a clerk block an inquiry with reasons, and the bank sees them with the amounts due', async () => {
    const waiting = (await file('bank', 'Bank', VACANT_OWING, 'BM-1405-0001')).json();
    expect(waiting.status).toBe('awaiting_clerk');
    const url = `/inquiries/${waiting.inquiryId}/answer`;
    const bare = await as('clerk', 'POST', url, { outcome: 'blocked' });
    expect([bare.statusCode, bare.json().code]).toEqual([400, 'INQUIRY.REASON_REQUIRED']);
    const byBank = await as('bank', 'POST', url, { outcome: 'cleared' });
    expect(byBank.statusCode).toBe(403);

    const res = await as('clerk', 'POST', url, { outcome: 'blocked', reasons: ['Unpaid renewal dues'] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'answered', clerkId: expect.any(String) });
    const again = await as('clerk', 'POST', url, { outcome: 'cleared' });
    expect([again.statusCode, again.json().code]).toEqual([409, 'INQUIRY.ALREADY_ANSWERED']);

    const seen = (await as('bank', 'GET', `/inquiries/${waiting.inquiryId}`)).json();
    expect(seen.answer).toMatchObject({
      outcome: 'blocked',
      answeredBy: 'clerk',
      reasons: [{ code: 'UNPAID_RENEWAL_DUES' }, { code: 'CLERK', text: 'Unpaid renewal dues' }],
      amountsDue: [{ item: 'renewal_dues' }],
      amountDue: expect.any(Number),
    });
    expect(seen).not.toHaveProperty('clerkId');
    const content = (await as('bank', 'GET', `/documents/${seen.document.code}/content.json`)).json();
    expect(content.body).toMatchObject({ outcome: 'blocked', amountDue: seen.answer.amountDue });
  });

  it('gives a citizen a no-violation certificate for their own parcel only', async () => {
    const res = await file('citizen', 'NoViolation', CLEAR, 'my-request-1');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      requesterNationalId: '0013542419',
      document: { kind: 'NoViolationCertificate' },
    });
    const certificate = await as('citizen', 'GET', `/documents/${res.json().document.code}/content.json`);
    expect(certificate.statusCode).toBe(200);
    expect((await as('citizen', 'GET', '/inquiries')).json().items).toHaveLength(1);

    const notOwned = await file('citizen', 'NoViolation', OWING, 'my-request-2');
    expect([notOwned.statusCode, notOwned.json().code]).toEqual([403, 'INQUIRY.NOT_PARCEL_OWNER']);
    const wrongKind = await file('citizen', 'Transfer', CLEAR, 'my-request-3');
    expect([wrongKind.statusCode, wrongKind.json().code]).toEqual([403, 'INQUIRY.KIND_NOT_ALLOWED']);
    expect((await file('notary', 'Bank', CLEAR, 'N12-1405-0005')).json().code).toBe(
      'INQUIRY.KIND_NOT_ALLOWED',
    );
  });

  it('lets an organisation’s API key with inquiries:file file for the organisation', async () => {
    const issued = await as('admin', 'POST', '/api-keys', {
      organisation: 'notary-office-12',
      label: 'office software',
      permissions: ['inquiries:file', 'inquiries:read'],
    });
    const apiKey = issued.json().key as string;
    const res = await file({ apiKey }, 'Transfer', CLEAR, 'N12-1405-0006');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ organisation: 'notary-office-12', answer: { outcome: 'cleared' } });
    // Its people see what its software filed, and the same reference is the same inquiry.
    expect((await as('notary', 'GET', `/inquiries/${res.json().inquiryId}`)).statusCode).toBe(200);
    expect((await file('notary', 'Transfer', CLEAR, 'N12-1405-0006')).statusCode).toBe(200);

    const readOnly = (
      await as('admin', 'POST', '/api-keys', {
        organisation: 'notary-office-12',
        label: 'read only',
        permissions: ['inquiries:read'],
      })
    ).json().key as string;
    const refused = await file({ apiKey: readOnly }, 'Transfer', CLEAR, 'N12-1405-0007');
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'AUTH.MISSING_PERMISSION']);
  });
});
