import { AuditTrail } from '../../src/audit/audit-trail.js';
import type { BackgroundAuditTrail } from '../../src/audit/record-access/background-audit-trail.js';
import { DEMO_PASSWORD } from '../../src/identity/demo/demo-data.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { inquiryStream } from '../../src/inquiries/inquiry.events.js';
import { permitStream } from '../../src/permits/permit.events.js';
import { fees, history } from '../../src/permits/permit.fixtures.js';
import { newId } from '../../src/shared/ids.js';
import { signedInUser } from '../support/bootstrap-admin.js';
import { consentFor } from '../support/citizens.js';
import { registerAll } from '../support/directory.js';
import { call, signIn } from '../support/http.js';
import { MULTIPART_CONTENT_TYPE, multipart } from '../support/multipart.js';
import { samplePdf } from '../support/sample-attachments.js';
import { feesAssessedFile } from '../support/seeded-permits.js';
import { startTestApp, untilReady, untilSettled, type TestApp } from '../support/test-app.js';

const OWNER = '0013542419';
const PARCEL = '1-1-1-1-0-0-0';

/** A counter office and its user's token. */
interface Office {
  readonly id: string;
  readonly token: string;
}

/** What an office did for the citizen in `handleRequests`. */
interface Handled {
  readonly consent: string;
  readonly permitId: string;
  readonly paidPermitId: string;
  readonly inquiryId: string;
}

/**
 * A counter office (دفتر پیشخوان) does a citizen's business under their consent: opens and submits a
 * permit file, uploads its papers, takes the fees at its desk, files a no-violation inquiry; every event
 * names the office and the consent, and the office's worklist shows what it handles, to it alone.
 */
describe('a counter office handles a citizen’s requests', () => {
  let t: TestApp;
  let store: EventStore;
  let admin: string;
  let otherCounter: string;
  let oversight: string;
  const behalf = { 'x-on-behalf-of': OWNER };

  beforeAll(async () => {
    t = await startTestApp({ env: { DAFTAR_DEMO_DATA: 'true' } });
    await untilReady(t.app);
    store = t.app.get<EventStore>(EVENT_STORE);
    oversight = await signIn(t.app, 'oversight', DEMO_PASSWORD);
    admin = await signIn(t.app, 'admin', DEMO_PASSWORD);
    await registerAll(t.app, admin, {
      organisations: [
        { id: 'counter-office-8', kind: 'counter_office', name: 'Counter office 8', municipality: 'hamedan' },
      ],
    });
    otherCounter = (
      await signedInUser(t.app, 'counter-8', [{ role: 'counter_office', organisation: 'counter-office-8' }])
    ).token;
  }, 120_000);
  afterAll(() => t.close());

  // Each test has an office of its own: consents, worklists and inquiry lists are the office's.
  let offices = 100;
  const newOffice = async (): Promise<Office> => {
    const id = `counter-office-${(offices += 1)}`;
    await registerAll(t.app, admin, {
      organisations: [
        { id, kind: 'counter_office', name: `Counter office ${offices}`, municipality: 'hamedan' },
      ],
    });
    return {
      id,
      token: (await signedInUser(t.app, id, [{ role: 'counter_office', organisation: id }])).token,
    };
  };

  const fileInquiry = (counter: string, headers: Record<string, string>, reference = `PK-${newId()}`) =>
    call(t.app, 'POST', '/inquiries', {
      token: counter,
      headers,
      body: { kind: 'NoViolation', renewalCode: PARCEL, requesterReference: reference, purpose: 'sale' },
    });

  const deskPayment = (
    counter: string,
    permitId: string,
    headers: Record<string, string>,
    amount = fees.total,
  ) =>
    call(t.app, 'POST', `/permits/${permitId}/desk-payments`, {
      token: counter,
      headers,
      body: { purpose: 'fees', amount, reference: `DESK-${newId()}` },
    });

  const worklist = (token: string, query = '') =>
    call(t.app, 'GET', `/counter-office/files${query}`, { token });

  it('without the citizen’s consent: 403 ACCESS.NO_CONSENT for every request, nothing written', async () => {
    const { token: counter } = await newOffice();
    expect((await fileInquiry(counter, behalf)).json()).toMatchObject({ code: 'ACCESS.NO_CONSENT' });
    const permitId = await feesAssessedFile(t.app);
    const refused = await deskPayment(counter, permitId, behalf);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('ACCESS.NO_CONSENT');
    expect((await store.readStream(permitStream(permitId))).length).toBe(history.fees_assessed.length);
    expect((await worklist(counter)).json().items).toEqual([]);
  });

  it('without X-On-Behalf-Of: a clear 403 code, not a file or inquiry of its own', async () => {
    const { token: counter } = await newOffice();
    const inquiry = await fileInquiry(counter, {});
    expect(inquiry.statusCode).toBe(403);
    expect(inquiry.json().code).toBe('INQUIRY.ON_BEHALF_OF_REQUIRED');
    const payment = await deskPayment(counter, await feesAssessedFile(t.app), {});
    expect(payment.statusCode).toBe(403);
    expect(payment.json().code).toBe('PERMIT.ON_BEHALF_OF_REQUIRED');
  });

  /** The office's whole errand for the citizen, each step checked: what the tests below look at. */
  async function handleRequests({ id: office, token: counter }: Office): Promise<Handled> {
    const consent = await consentFor(t.app, counter, OWNER);
    const opened = await call(t.app, 'POST', '/permits', {
      token: counter,
      headers: behalf,
      body: { renewalCode: PARCEL, applicationType: 'NewConstruction' },
    });
    expect(opened.statusCode).toBe(201);
    const permitId = opened.json().permitId;
    for (const kind of ['ownership_deed', 'national_card', 'site_plan']) {
      const uploaded = await t.app.inject({
        method: 'POST',
        url: `/permits/${permitId}/attachments`,
        headers: { authorization: `Bearer ${counter}`, 'content-type': MULTIPART_CONTENT_TYPE, ...behalf },
        payload: multipart([
          { name: 'kind', value: kind },
          { name: 'file', fileName: `${kind}.pdf`, content: Buffer.concat([samplePdf, Buffer.from(kind)]) },
        ]),
      });
      expect(uploaded.statusCode).toBe(201);
    }
    const submitted = await call(t.app, 'POST', `/permits/${permitId}/submission`, {
      token: counter,
      headers: behalf,
    });
    expect(submitted.statusCode).toBe(201);
    expect(submitted.json()).toMatchObject({ status: 'submitted', attachments: expect.any(Array) });
    expect(submitted.json().attachments).toHaveLength(3);

    const paidPermitId = await feesAssessedFile(t.app);
    const short = await deskPayment(counter, paidPermitId, behalf, fees.total - 1);
    expect(short.statusCode).toBe(409);
    expect(short.json()).toMatchObject({
      code: 'PAYMENT.AMOUNT_MISMATCH',
      details: { expected: fees.total },
    });
    const paid = await deskPayment(counter, paidPermitId, behalf);
    expect(paid.statusCode).toBe(201);
    expect(paid.json().status).toBe('paid');

    // Acting for the citizen, the office lists the citizen's inquiries, also those other tests filed.
    const inquiriesOfCitizen = async () =>
      (await call(t.app, 'GET', '/inquiries', { token: counter, headers: behalf }))
        .json()
        .items.map((i: { inquiryId: string }) => i.inquiryId);
    await untilSettled(t.app);
    const filedBefore = await inquiriesOfCitizen();
    const inquiry = await fileInquiry(counter, behalf);
    expect([201, 202]).toContain(inquiry.statusCode);
    expect(inquiry.json()).toMatchObject({
      kind: 'NoViolation',
      requesterNationalId: OWNER,
      counterOffice: office,
      trackingNumber: expect.any(String),
    });
    expect(inquiry.json()).not.toHaveProperty('organisation');
    const inquiryId = inquiry.json().inquiryId;
    const read = await call(t.app, 'GET', `/inquiries/${inquiryId}`, { token: counter, headers: behalf });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ inquiryId, counterOffice: office });
    expect(await inquiriesOfCitizen()).toEqual([inquiryId, ...filedBefore]);
    const forNobody = await call(t.app, 'GET', `/inquiries/${inquiryId}`, { token: counter });
    expect(forNobody.statusCode).toBe(404);
    expect((await call(t.app, 'GET', '/inquiries', { token: counter })).json().items).toEqual([]);
    return { consent, permitId, paidPermitId, inquiryId };
  }

  it('with the consent: opens a file, uploads its papers, submits it, pays at its desk, files an inquiry', async () => {
    await handleRequests(await newOffice());
  });

  it('names the office, the citizen and the consent on every event, and in the audit view', async () => {
    const office = await newOffice();
    const { consent, permitId, paidPermitId, inquiryId } = await handleRequests(office);
    const byOffice = { role: 'counter_office', office: office.id, onBehalfOf: OWNER, consent };
    const permitEvents = await store.readStream(permitStream(permitId));
    expect(permitEvents.map((e) => e.type)).toEqual([
      'PermitDraftOpened',
      'PermitDocumentAttached',
      'PermitDocumentAttached',
      'PermitDocumentAttached',
      'PermitSubmitted',
    ]);
    for (const event of permitEvents) expect(event.metadata.actor).toMatchObject(byOffice);
    const payment = (await store.readStream(permitStream(paidPermitId))).at(-1)!;
    expect(payment).toMatchObject({
      type: 'PermitPaymentRecorded',
      data: { channel: 'counter_desk', office: office.id, amount: fees.total },
      metadata: { actor: byOffice },
    });
    const [filed] = await store.readStream(inquiryStream(inquiryId));
    expect(filed).toMatchObject({
      type: 'InquiryFiled',
      data: { kind: 'NoViolation', requester: { nationalId: OWNER } },
      metadata: { actor: byOffice },
    });

    await untilSettled(t.app);
    const res = await call(t.app, 'GET', `/audit/events/${payment.id}`, { token: oversight });
    expect(res.statusCode).toBe(200);
    const audited = res.json() as { entry: { actor: object }; data: object };
    expect(audited.entry.actor).toMatchObject(byOffice);
    expect(audited.data).toMatchObject({ channel: 'counter_desk', office: office.id });
  });

  it('lists what the office handles, the latest first, paginated; another office sees none of it', async () => {
    const office = await newOffice();
    const counter = office.token;
    const { consent, permitId, paidPermitId, inquiryId } = await handleRequests(office);
    const all = (await worklist(counter)).json();
    expect(all.total).toBe(3);
    expect(all.items.map((i: { kind: string; id: string }) => [i.kind, i.id])).toEqual([
      ['inquiry', inquiryId],
      ['permit', paidPermitId],
      ['permit', permitId],
    ]);
    expect(all.items[1]).toMatchObject({ status: 'paid', consent, lastEventType: 'PermitPaymentRecorded' });
    expect(all.items[2]).toMatchObject({
      status: 'submitted',
      municipality: 'hamedan',
      trackingNumber: expect.any(String),
    });
    expect(all.items[2].citizenNationalId).not.toBe(OWNER);

    const first = (await worklist(counter, '?pageSize=2')).json();
    expect(first.items).toHaveLength(2);
    const next = (await worklist(counter, `?pageSize=2&cursor=${first.nextCursor}`)).json();
    expect(next.items.map((i: { id: string }) => i.id)).toEqual([permitId]);
    expect(next).not.toHaveProperty('nextCursor');
    const inquiries = (await worklist(counter, '?kind=inquiry')).json();
    expect(inquiries.items.map((i: { id: string }) => i.id)).toEqual([inquiryId]);

    // The worklist shows the citizen's files: the citizen sees that read in their access log.
    const citizen = await signIn(t.app, 'citizen', DEMO_PASSWORD);
    await (t.app.get(AuditTrail) as BackgroundAuditTrail).flush();
    await untilSettled(t.app);
    const log = (await call(t.app, 'GET', '/me/access-log', { token: citizen })).json();
    const read = (log.items as { what: string; subject: string }[]).find(
      (item) => item.what === 'permit_summary' && item.subject === paidPermitId,
    );
    expect(read).toMatchObject({ reader: expect.objectContaining({ role: 'counter_office' }) });

    expect((await worklist(otherCounter)).json()).toMatchObject({ items: [], total: 0 });
    expect((await worklist(oversight)).statusCode).toBe(403);
  });
});
