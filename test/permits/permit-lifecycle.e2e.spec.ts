import { DEMO_COMPLIANT_DESIGN, DEMO_PERMIT_PARCEL } from '../../src/demo/walkthrough/demo-walkthrough.js';
import { DEMO_PASSWORD } from '../../src/identity/demo/demo-data.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { SubscriberRunner } from '../../src/event-store/subscriptions/subscriber-runner.js';
import { ExpirePermits } from '../../src/permits/reactions/expire-permits.js';
import { call, signIn } from '../support/http.js';
import { multipart, MULTIPART_CONTENT_TYPE } from '../support/multipart.js';
import { samplePdf } from '../support/sample-attachments.js';
import { startTestApp, untilReady, type TestApp } from '../support/test-app.js';

const PARCEL = DEMO_PERMIT_PARCEL;
const COMPLIANT_DESIGN = DEMO_COMPLIANT_DESIGN;

describe('the building-permit lifecycle over HTTP, as the demo users', () => {
  let t: TestApp;
  const token: Record<string, string> = {};
  let surveyorId: string;
  let engineerId: string;

  const as = (user: string, method: 'GET' | 'POST' | 'DELETE', url: string, body?: unknown, headers = {}) =>
    call(t.app, method, url, { token: token[user]!, ...(body === undefined ? {} : { body }), headers });
  const step = async (user: string, url: string, body?: unknown) => {
    const res = await as(user, 'POST', url, body ?? {});
    if (res.statusCode !== 201) throw new Error(`${user} POST ${url}: ${res.statusCode} ${res.body}`);
    // Every step answers the file it shows with that file's revision as its ETag, for If-Match.
    if (res.json().revision !== undefined) expect(res.headers['etag']).toBe(`"${res.json().revision}"`);
    return res.json();
  };
  const attach = (permitId: string, kind: string, user = 'citizen') =>
    t.app.inject({
      method: 'POST',
      url: `/permits/${permitId}/attachments`,
      headers: { authorization: `Bearer ${token[user]}`, 'content-type': MULTIPART_CONTENT_TYPE },
      payload: multipart([
        { name: 'kind', value: kind },
        { name: 'file', fileName: `${kind}.pdf`, content: Buffer.concat([samplePdf, Buffer.from(kind)]) },
      ]),
    });

  async function openAndSubmit(): Promise<string> {
    const { permitId } = await step('citizen', '/permits', {
      renewalCode: PARCEL,
      applicationType: 'NewConstruction',
    });
    for (const kind of ['ownership_deed', 'national_card', 'site_plan']) {
      expect((await attach(permitId, kind)).statusCode).toBe(201);
    }
    await step('citizen', `/permits/${permitId}/submission`);
    return permitId;
  }

  async function toDesignReview(design: object = COMPLIANT_DESIGN): Promise<string> {
    const permitId = await openAndSubmit();
    await step('clerk', `/permits/${permitId}/take`);
    await step('clerk', `/permits/${permitId}/surveyor`, { surveyorId });
    await step('surveyor', `/permits/${permitId}/site-visit`, {
      measuredAreaM2: 250,
      streetWidthM: 12,
      existingStructures: [{ floors: 2, areaM2: 300, description: 'old house' }],
      photos: [],
    });
    await step('clerk', `/permits/${permitId}/map-order`);
    await step('citizen', `/permits/${permitId}/engineer`, { engineerId });
    await step('engineer', `/permits/${permitId}/design`, design);
    return permitId;
  }

  /** Until every subscriber has caught up with the log, and with what its reactions appended. */
  async function settled(): Promise<void> {
    const store = t.app.get<EventStore>(EVENT_STORE);
    for (
      let head = await store.headPosition(), last;
      head !== last;
      last = head, head = await store.headPosition()
    )
      await t.app.get(SubscriberRunner).waitFor(head!);
  }

  beforeAll(async () => {
    t = await startTestApp({ env: { DAFTAR_DEMO_DATA: 'true' } });
    await untilReady(t.app);
    for (const user of [
      'citizen',
      'clerk',
      'surveyor',
      'inspector',
      'engineer',
      'signatory',
      'cashier',
      'oversight',
    ]) {
      token[user] = await signIn(t.app, user, DEMO_PASSWORD);
    }
    surveyorId = (await as('surveyor', 'GET', '/me')).json().id;
    engineerId = (await as('engineer', 'GET', '/me')).json().id;
  });
  afterAll(() => t.close());

  it('walks one application from draft to permit to completion certificate, with signed documents', async () => {
    const { permitId } = await step('citizen', '/permits', {
      renewalCode: PARCEL,
      applicationType: 'NewConstruction',
    });
    const missing = await as('citizen', 'POST', `/permits/${permitId}/submission`, {});
    expect(missing.statusCode).toBe(409);
    expect(missing.json()).toMatchObject({
      code: 'PERMIT.MISSING_DOCUMENTS',
      details: { missing: ['ownership_deed', 'national_card', 'site_plan'] },
    });
    for (const kind of ['ownership_deed', 'national_card', 'site_plan']) await attach(permitId, kind);
    expect((await step('citizen', `/permits/${permitId}/submission`)).status).toBe('submitted');
    expect((await step('clerk', `/permits/${permitId}/take`)).status).toBe('under_review');
    await step('clerk', `/permits/${permitId}/surveyor`, { surveyorId });
    const survey = { measuredAreaM2: 250, streetWidthM: 12, existingStructures: [] };
    const unknownPhoto = { ...survey, photos: ['e'.repeat(64)] };
    const notUploaded = await as('surveyor', 'POST', `/permits/${permitId}/site-visit`, unknownPhoto);
    expect(notUploaded.json()).toMatchObject({ code: 'PERMIT.UNKNOWN_PHOTO' });
    await step('surveyor', `/permits/${permitId}/site-visit`, { ...survey, photos: [] });
    const mapOrdered = await step('clerk', `/permits/${permitId}/map-order`);
    expect(mapOrdered).toMatchObject({ status: 'awaiting_design', mapOrder: { limits: { maxFloors: 3 } } });
    expect(mapOrdered.documents.mapOrder).toEqual(expect.any(String));

    // Only the engineer the applicant nominates designs: before, the file is not the engineer's to see.
    const unnominated = await as('engineer', 'POST', `/permits/${permitId}/design`, COMPLIANT_DESIGN);
    expect(unnominated.statusCode).toBe(404);
    // Other cases' files may be the engineer's: only this one counts here.
    const rowOf = async () =>
      ((await as('engineer', 'GET', '/permits?pageSize=100')).json().items as { permitId: string }[]).find(
        (each) => each.permitId === permitId,
      );
    expect(await rowOf()).toBeUndefined();
    const nominated = await step('citizen', `/permits/${permitId}/engineer`, { engineerId });
    expect(nominated.nominee).toMatchObject({ organisation: 'engineering-org-hamedan', engineerId });
    const row = await rowOf();
    expect(row).toMatchObject({ permitId, applicantNationalId: expect.stringMatching(/^\*{8}\d{2}$/) });
    const designed = await step('engineer', `/permits/${permitId}/design`, COMPLIANT_DESIGN);
    expect(designed.design.violations).toEqual([]);
    const approved = await step('clerk', `/permits/${permitId}/design/approval`);
    expect(approved.status).toBe('fees_assessed');
    expect(approved.fees.total).toBeGreaterThan(0);
    expect(approved.fees.total).toBe(
      approved.fees.lines.reduce((s: number, l: { amount: number }) => s + l.amount, 0),
    );

    const early = await as('signatory', 'POST', `/permits/${permitId}/permit`, {});
    expect(early.json()).toMatchObject({ code: 'PERMIT.FEES_UNPAID' });
    const paid = await step('cashier', `/permits/${permitId}/payments`, {
      purpose: 'fees',
      amount: approved.fees.total,
      reference: `CASH-${permitId.slice(-8)}`,
    });
    expect(paid.status).toBe('paid');

    const issued = await step('signatory', `/permits/${permitId}/permit`);
    expect(issued.status).toBe('issued');
    const permitCode = issued.documents.permit;
    const verified = (await call(t.app, 'GET', `/v/${permitCode}`)).json();
    expect(verified).toMatchObject({
      status: 'valid',
      kind: 'BuildingPermit',
      summary: { renewalCode: PARCEL, floors: 3, use: 'residential' },
      signature: { valid: true },
    });

    await step('citizen', `/permits/${permitId}/completion-request`);
    await step('inspector', `/permits/${permitId}/inspection`, { compliant: true, violations: [] });
    const completed = await step('signatory', `/permits/${permitId}/completion-certificate`);
    expect(completed.status).toBe('completed');
    expect(
      (await call(t.app, 'GET', `/v/${completed.documents.completionCertificate}`)).json(),
    ).toMatchObject({
      status: 'valid',
      kind: 'CompletionCertificate',
    });

    // Each document carries the file's tracking number (کد رهگیری), and its printed page shows it.
    for (const code of Object.values(completed.documents as Record<string, string>)) {
      const content = (await as('citizen', 'GET', `/documents/${code}/content.json`)).json();
      expect(content.body).toMatchObject({ permitId, trackingNumber: completed.trackingNumber });
      const page = (await as('citizen', 'GET', `/documents/${code}`)).body;
      // The file number on paper: the tracking number, typed as printed, not the file's UUID.
      expect(page).toContain(`<bdi dir="ltr">${completed.trackingNumber}</bdi>`);
      expect(page).not.toContain(permitId);
    }

    const timeline = (await as('citizen', 'GET', `/permits/${permitId}/timeline`)).json();
    const types = timeline.items.map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(['PermitDraftOpened', 'FeesAssessed', 'PermitIssued']));
  });

  it('returns a file with reasons; the citizen completes it and submits it again', async () => {
    const permitId = await openAndSubmit();
    await step('clerk', `/permits/${permitId}/take`);
    const returned = await step('clerk', `/permits/${permitId}/return`, {
      reasons: [{ documentKind: 'site_plan', reason: 'The site plan has no scale' }],
    });
    expect(returned.status).toBe('returned');
    expect((await as('clerk', 'POST', `/permits/${permitId}/surveyor`, { surveyorId })).json()).toMatchObject(
      {
        code: expect.stringMatching(/^PERMIT\./),
      },
    );
    expect((await attach(permitId, 'site_plan_revised')).statusCode).toBe(201);
    expect((await step('citizen', `/permits/${permitId}/submission`)).status).toBe('submitted');
  });

  it('approves a design that breaks a limit only with a written reason, recorded as an override', async () => {
    const permitId = await toDesignReview({
      ...COMPLIANT_DESIGN,
      floors: 4,
      floorAreasM2: [150, 150, 150, 150],
    });
    const refused = await as('clerk', 'POST', `/permits/${permitId}/design/approval`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'PERMIT.DESIGN_VIOLATES_LIMITS' });
    const approved = await step('clerk', `/permits/${permitId}/design/approval`, {
      overrideReason: 'Commission precedent for corner parcels',
    });
    expect(approved.designOverride).toMatchObject({
      reason: 'Commission precedent for corner parcels',
      violations: expect.arrayContaining([expect.objectContaining({ rule: 'MAX_FLOORS' })]),
    });
    expect(approved.status).toBe('fees_assessed');
  });

  it('changes a fee line only with a reason, and the amount owed follows', async () => {
    const permitId = await toDesignReview();
    const assessed = await step('clerk', `/permits/${permitId}/design/approval`);
    const line = assessed.fees.lines[0];
    expect(
      (await as('clerk', 'POST', `/permits/${permitId}/fees/${line.code}`, { to: 1000 })).statusCode,
    ).toBe(400);
    const changed = await step('clerk', `/permits/${permitId}/fees/${line.code}`, {
      to: line.amount - 1000,
      reason: 'Rounded down for a disabled applicant',
    });
    expect(changed.fees.total).toBe(assessed.fees.total - 1000);
    expect(changed.fees.outstanding).toBe(assessed.fees.total - 1000);
    expect(changed.fees.overrides).toEqual([
      expect.objectContaining({ line: line.code, from: line.amount, to: line.amount - 1000 }),
    ]);
  });

  it('lets one of two clerks acting at once win; the other is refused, or 412 with If-Match', async () => {
    const permitId = await openAndSubmit();
    await step('clerk', `/permits/${permitId}/take`);
    const [a, b] = await Promise.all([
      as('clerk', 'POST', `/permits/${permitId}/return`, { reasons: [{ reason: 'Incomplete file' }] }),
      as('clerk', 'POST', `/permits/${permitId}/surveyor`, { surveyorId }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);

    const other = await openAndSubmit();
    const seen = await as('clerk', 'GET', `/permits/${other}`);
    const ifMatch = { 'if-match': seen.headers['etag'] as string };
    const [first, second] = await Promise.all([
      as('clerk', 'POST', `/permits/${other}/take`, {}, ifMatch),
      as('clerk', 'POST', `/permits/${other}/rejection`, { reason: 'Duplicate file' }, ifMatch),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([201, 412]);
  });

  it('expires an issued permit once its validity has passed, and not before', async () => {
    const permitId = await toDesignReview();
    const assessed = await step('clerk', `/permits/${permitId}/design/approval`);
    await step('cashier', `/permits/${permitId}/payments`, {
      purpose: 'fees',
      amount: assessed.fees.total,
      reference: `CASH-X-${permitId.slice(-8)}`,
    });
    const issued = await step('signatory', `/permits/${permitId}/permit`);
    const expiry = t.app.get(ExpirePermits);
    expect(await expiry.sweep(new Date())).toBe(0);
    const validUntil = new Date(issued.permit.validUntil);
    expect(await expiry.sweep(new Date(validUntil.getTime() + 1000))).toBeGreaterThanOrEqual(1);
    await t.app.get(SubscriberRunner).waitFor((await t.app.get<EventStore>(EVENT_STORE).headPosition())!);
    expect((await as('citizen', 'GET', `/permits/${permitId}`)).json().status).toBe('expired');
    const late = await as('citizen', 'POST', `/permits/${permitId}/completion-request`, {});
    expect(late.json()).toMatchObject({ code: 'PERMIT.CLOSED' });
  });

  it('closes completion when the permit document is revoked, until a new permit is issued', async () => {
    const permitId = await toDesignReview();
    const assessed = await step('clerk', `/permits/${permitId}/design/approval`);
    await step('cashier', `/permits/${permitId}/payments`, {
      purpose: 'fees',
      amount: assessed.fees.total,
      reference: `CASH-R-${permitId.slice(-8)}`,
    });
    const code = (await step('signatory', `/permits/${permitId}/permit`)).documents.permit;
    const reason = 'issued on a forged deed';
    const revoked = await step('signatory', `/documents/${code}/revocation`, { reason });
    await settled();

    const refused = await as('citizen', 'POST', `/permits/${permitId}/completion-request`, {});
    expect(refused.statusCode).toBe(409);
    const why = { code, reason, revokedAt: revoked.revocation.at };
    expect(refused.json()).toMatchObject({ code: 'PERMIT.REVOKED', details: why });
    expect((await as('citizen', 'GET', `/permits/${permitId}`)).json()).toMatchObject({
      status: 'issued',
      revocation: why,
    });
    const timeline = (await as('citizen', 'GET', `/permits/${permitId}/timeline`)).json().items;
    expect(timeline.at(-1)).toMatchObject({ type: 'PermitRevoked', actor: { role: 'system' }, details: why });

    const reissued = await step('signatory', `/permits/${permitId}/permit`);
    expect(reissued.revocation).toBeUndefined();
    expect(reissued.documents.permit).not.toBe(code);
    expect((await call(t.app, 'GET', `/v/${reissued.documents.permit}`)).json()).toMatchObject({
      status: 'valid',
    });
    expect((await step('citizen', `/permits/${permitId}/completion-request`)).status).toBe(
      'completion_requested',
    );
  });

  it('keeps files to their applicant and their municipality’s staff', async () => {
    const permitId = await openAndSubmit();
    expect((await as('oversight', 'GET', `/permits/${permitId}`)).statusCode).toBe(200);
    expect((await as('engineer', 'GET', `/permits/${permitId}`)).statusCode).toBe(404);
    expect((await as('citizen', 'POST', `/permits/${permitId}/take`, {})).statusCode).toBe(403);
    expect((await as('clerk', 'POST', `/permits/${permitId}/withdrawal`, {})).statusCode).toBe(403);
    const withdrawn = await step('citizen', `/permits/${permitId}/withdrawal`);
    expect(withdrawn.status).toBe('withdrawn');
  });

  it('refuses an attachment of the wrong type without an event or a stored file', async () => {
    const { permitId } = await step('citizen', '/permits', {
      renewalCode: PARCEL,
      applicationType: 'NewConstruction',
    });
    const before = await t.app.get<EventStore>(EVENT_STORE).readStream(`permit-${permitId}`);
    const res = await t.app.inject({
      method: 'POST',
      url: `/permits/${permitId}/attachments`,
      headers: { authorization: `Bearer ${token['citizen']}`, 'content-type': MULTIPART_CONTENT_TYPE },
      payload: multipart([
        { name: 'kind', value: 'ownership_deed' },
        { name: 'file', fileName: 'virus.exe', content: Buffer.from('MZ\x90\x00 not a pdf') },
      ]),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'ATTACHMENT.UNSUPPORTED_TYPE' });
    expect(await t.app.get<EventStore>(EVENT_STORE).readStream(`permit-${permitId}`)).toHaveLength(
      before.length,
    );
  });
});
