import { DEMO_COMPLIANT_DESIGN, DEMO_PERMIT_PARCEL } from '../../src/demo/walkthrough/demo-walkthrough.js';
import { DEMO_PASSWORD } from '../../src/identity/demo/demo-data.js';
import { demoRuleSet } from '../../src/rule-sets/demo-rule-set.js';
import { todayInTehran } from '../../src/shared/tehran-date.js';
import { call, signIn } from '../support/http.js';
import { multipart, MULTIPART_CONTENT_TYPE } from '../support/multipart.js';
import { sampleJpeg, samplePdf } from '../support/sample-attachments.js';
import { startTestApp, untilReady, untilSettled, type TestApp } from '../support/test-app.js';

/** Hamedan's rule set again, now naming the stages inspected during construction. */
const withStages = {
  ...demoRuleSet,
  version: 2,
  effectiveFrom: todayInTehran(new Date()),
  inspectionStages: [
    { stage: 'foundation', deadlineDays: 7 },
    { stage: 'roof', deadlineDays: 5 },
    { stage: 'completion', deadlineDays: 10 },
  ],
};

describe('inspections during construction over HTTP (بازرسی مرحله‌ای)', () => {
  let t: TestApp;
  const token: Record<string, string> = {};
  const id: Record<string, string> = {};

  const as = (user: string, method: 'GET' | 'POST', url: string, body?: unknown) =>
    call(t.app, method, url, { token: token[user]!, ...(body === undefined ? {} : { body }) });
  const step = async (user: string, url: string, body?: unknown) => {
    const res = await as(user, 'POST', url, body ?? {});
    if (res.statusCode !== 201) throw new Error(`${user} POST ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const upload = (user: string, url: string, fields: { name: string; value: string }[], content: Buffer) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${token[user]}`, 'content-type': MULTIPART_CONTENT_TYPE },
      payload: multipart([...fields, { name: 'file', fileName: 'file', content }]),
    });
  /** The file once the reactions assigned the stage under way (read-your-writes). */
  async function untilAssigned(permitId: string, stage: string) {
    await untilSettled(t.app);
    const file = (await as('clerk', 'GET', `/permits/${permitId}`)).json();
    if (file.inspectionStage === stage && file.inspectorId) return file;
    throw new Error(`${stage} was never assigned`);
  }

  async function issuedFile(): Promise<string> {
    const { permitId } = await step('citizen', '/permits', {
      renewalCode: DEMO_PERMIT_PARCEL,
      applicationType: 'NewConstruction',
    });
    for (const kind of ['ownership_deed', 'national_card', 'site_plan']) {
      const res = await upload(
        'citizen',
        `/permits/${permitId}/attachments`,
        [{ name: 'kind', value: kind }],
        Buffer.concat([samplePdf, Buffer.from(kind)]),
      );
      expect(res.statusCode).toBe(201);
    }
    await step('citizen', `/permits/${permitId}/submission`);
    await step('clerk', `/permits/${permitId}/take`);
    await step('clerk', `/permits/${permitId}/surveyor`, { surveyorId: id['surveyor'] });
    await step('surveyor', `/permits/${permitId}/site-visit`, {
      measuredAreaM2: 250,
      streetWidthM: 12,
      existingStructures: [],
      photos: [],
    });
    await step('clerk', `/permits/${permitId}/map-order`);
    await step('citizen', `/permits/${permitId}/engineer`, { engineerId: id['engineer'] });
    await step('engineer', `/permits/${permitId}/design`, DEMO_COMPLIANT_DESIGN);
    const approved = await step('clerk', `/permits/${permitId}/design/approval`);
    await step('cashier', `/permits/${permitId}/payments`, {
      purpose: 'fees',
      amount: approved.fees.total,
      reference: `CASH-${permitId.slice(-8)}`,
    });
    await step('signatory', `/permits/${permitId}/permit`);
    return permitId;
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
      'admin',
    ]) {
      token[user] = await signIn(t.app, user, DEMO_PASSWORD);
      id[user] = (await as(user, 'GET', '/me')).json().id;
    }
    token['inspector_qazvin'] = await signIn(t.app, 'inspector_qazvin', DEMO_PASSWORD);
    const published = await call(t.app, 'POST', '/rule-sets/hamedan', {
      token: token['admin']!,
      body: withStages,
    });
    expect(published.statusCode).toBe(201);
  });
  afterAll(() => t.close());

  it('takes a file from its permit through stage inspections, a fine and completion', async () => {
    const permitId = await issuedFile();
    const issued = await untilAssigned(permitId, 'foundation');
    expect(issued).toMatchObject({ status: 'issued', inspectorId: id['inspector'] });
    expect(issued.inspectionStages.map((s: { stage: string }) => s.stage)).toEqual([
      'foundation',
      'roof',
      'completion',
    ]);
    const { inspectionDueBy } = issued;
    expect(Date.parse(inspectionDueBy) - Date.now()).toBeGreaterThan(6 * 86_400_000);

    // The inspector's worklist shows the stage with its deadline.
    const worklist = (await as('inspector', 'GET', '/inspections/worklist')).json();
    expect(worklist.items).toContainEqual(
      expect.objectContaining({ permitId, stage: 'foundation', dueBy: inspectionDueBy, overdue: false }),
    );

    // An inspector of another municipality does not see the file, nor one of another region of Hamedan.
    const foreign = await as('inspector_qazvin', 'POST', `/permits/${permitId}/stage-inspections`, {
      stage: 'foundation',
      findings: 'as designed',
      photos: [],
      result: 'compliant',
      violations: [],
    });
    expect(foreign.statusCode).toBe(404);
    const otherRegion = issued.region === '1' ? '2' : '1';
    const created = await as('admin', 'POST', '/users', {
      username: 'inspector-other-region',
      displayName: 'Inspector of another region',
      password: 'inspector-password-1',
      grants: [{ role: 'inspector', municipality: 'hamedan', regions: [otherRegion] }],
    });
    expect(created.statusCode).toBe(201);
    token['other'] = await signIn(t.app, 'inspector-other-region', 'inspector-password-1');
    expect((await as('other', 'GET', `/permits/${permitId}`)).statusCode).toBe(404);
    expect((await as('other', 'GET', '/inspections/worklist')).json().items).toEqual([]);

    // The supervising engineer files the stage's report with its paper; a surveyor no longer inspects.
    const paper = await upload('engineer', `/permits/${permitId}/site-photos`, [], samplePdf);
    expect(paper.statusCode).toBe(201);
    const reported = await step('engineer', `/permits/${permitId}/stage-reports`, {
      stage: 'foundation',
      summary: 'The foundation is poured as designed',
      attachments: [paper.json().sha256],
    });
    expect(reported.inspectionStages[0].engineerReports).toEqual([
      expect.objectContaining({ attachments: [paper.json().sha256] }),
    ]);
    const pdfByInspector = await upload('inspector', `/permits/${permitId}/site-photos`, [], samplePdf);
    expect(pdfByInspector.json()).toMatchObject({ code: 'ATTACHMENT.UNSUPPORTED_TYPE' });
    const bySurveyor = await as('surveyor', 'POST', `/permits/${permitId}/stage-inspections`, {});
    expect(bySurveyor.statusCode).toBe(403);

    const photo = await upload('inspector', `/permits/${permitId}/site-photos`, [], sampleJpeg);
    expect(photo.statusCode).toBe(201);
    const found = await step('inspector', `/permits/${permitId}/stage-inspections`, {
      stage: 'foundation',
      findings: 'The foundation runs 2 m beyond the permitted line',
      photos: [photo.json().sha256],
      result: 'violations',
      violations: [{ description: 'foundation beyond the permitted line', areaM2: 12 }],
    });
    expect(found).toMatchObject({ status: 'inspected', inspectionStage: 'roof' });
    const early = await as('citizen', 'POST', `/permits/${permitId}/completion-request`, {});
    expect(early.json()).toMatchObject({ code: 'PERMIT.VIOLATIONS_PENDING' });

    // The Article 100 commission's path: referral, a fine, its payment; then the next stage.
    await step('clerk', `/permits/${permitId}/commission-referral`);
    await step('clerk', `/permits/${permitId}/commission-ruling`, {
      ruling: 'fine',
      fineAmount: 50_000_000,
      reference: 'C100-1405-0042',
    });
    await step('cashier', `/permits/${permitId}/payments`, {
      purpose: 'fine',
      amount: 50_000_000,
      reference: `FINE-${permitId.slice(-8)}`,
    });
    expect(await untilAssigned(permitId, 'roof')).toMatchObject({ status: 'issued' });
    const notYet = await as('citizen', 'POST', `/permits/${permitId}/completion-request`, {});
    expect(notYet.json()).toMatchObject({ code: 'PERMIT.STAGE_NOT_INSPECTED', details: { stage: 'roof' } });

    await step('inspector', `/permits/${permitId}/stage-inspections`, {
      stage: 'roof',
      findings: 'The roof follows the design',
      photos: [],
      result: 'compliant',
      violations: [],
    });
    await untilAssigned(permitId, 'completion');
    await step('citizen', `/permits/${permitId}/completion-request`);
    await step('inspector', `/permits/${permitId}/inspection`, { compliant: true, violations: [] });
    const completed = await step('signatory', `/permits/${permitId}/completion-certificate`);
    expect(completed.status).toBe('completed');
    expect(completed.documents.completionCertificate).toEqual(expect.any(String));

    const timeline = (await as('citizen', 'GET', `/permits/${permitId}/timeline`)).json();
    const types = timeline.items.map((e: { type: string }) => e.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'InspectionAssigned',
        'EngineerStageReported',
        'StageInspected',
        'CommissionRuled',
      ]),
    );
    expect((await as('inspector', 'GET', '/inspections/worklist')).json().items).not.toContainEqual(
      expect.objectContaining({ permitId }),
    );
  });

  it('opens a file to the inspector whose inspection it is, not to every inspector of the region', async () => {
    const permitId = await issuedFile();
    const issued = await untilAssigned(permitId, 'foundation');
    expect(issued.inspectorId).toBe(id['inspector']);
    const created = await as('admin', 'POST', '/users', {
      username: 'inspector-same-region',
      displayName: 'Another inspector of the region',
      password: 'inspector-password-1',
      grants: [{ role: 'inspector', municipality: 'hamedan', regions: [issued.region] }],
    });
    expect(created.statusCode).toBe(201);
    try {
      token['bystander'] = await signIn(t.app, 'inspector-same-region', 'inspector-password-1');
      const paper = await upload('engineer', `/permits/${permitId}/site-photos`, [], samplePdf);
      const unknown = 'f'.repeat(64);

      // A file, a photo or a paper cited must have been uploaded (and is then kept from the collector).
      const stageReport = { stage: 'foundation', summary: 'Poured as designed' };
      const noPaper = await as('engineer', 'POST', `/permits/${permitId}/stage-reports`, {
        ...stageReport,
        attachments: [unknown],
      });
      expect(noPaper.json()).toMatchObject({ code: 'PERMIT.UNKNOWN_PHOTO', details: { photo: unknown } });
      await step('engineer', `/permits/${permitId}/stage-reports`, {
        ...stageReport,
        attachments: [paper.json().sha256],
      });

      // Another inspector of the region: the file is missing to them, its payments are not theirs to read.
      const deed = issued.attachments[0].sha256;
      for (const url of ['', '/timeline', `/attachments/${deed}`, `/attachments/${paper.json().sha256}`]) {
        const res = await as('bystander', 'GET', `/permits/${permitId}${url}`);
        expect([url, res.statusCode, res.json().code]).toEqual([url, 404, 'PERMIT.NOT_FOUND']);
      }
      expect((await upload('bystander', `/permits/${permitId}/site-photos`, [], sampleJpeg)).statusCode).toBe(
        404,
      );
      expect((await as('bystander', 'GET', `/permits/${permitId}/refunds`)).statusCode).toBe(403);
      expect((await as('inspector', 'GET', `/payments/${permitId}`)).statusCode).toBe(403);

      // The assigned inspector reads the file as an engineer does, its stage papers too, not the applicant's.
      const seen = (await as('inspector', 'GET', `/permits/${permitId}`)).json();
      expect(seen).toMatchObject({ permitId, attachments: [], payments: [], mapOrder: issued.mapOrder });
      expect(seen.applicantNationalId).not.toBe(issued.applicantNationalId);
      const report = await as('inspector', 'GET', `/permits/${permitId}/attachments/${paper.json().sha256}`);
      expect(report.statusCode).toBe(200);
      expect(report.rawPayload.equals(samplePdf)).toBe(true);
      expect((await as('inspector', 'GET', `/permits/${permitId}/attachments/${deed}`)).statusCode).toBe(404);
      expect((await as('inspector', 'GET', `/permits/${permitId}/timeline`)).statusCode).toBe(404);

      const noPhoto = await as('inspector', 'POST', `/permits/${permitId}/stage-inspections`, {
        stage: 'foundation',
        findings: 'As designed',
        photos: [unknown],
        result: 'compliant',
        violations: [],
      });
      expect(noPhoto.json()).toMatchObject({ code: 'PERMIT.UNKNOWN_PHOTO' });
      const photo = (await upload('inspector', `/permits/${permitId}/site-photos`, [], sampleJpeg)).json();
      const inspected = await step('inspector', `/permits/${permitId}/stage-inspections`, {
        stage: 'foundation',
        findings: 'As designed',
        photos: [photo.sha256],
        result: 'compliant',
        violations: [],
      });
      expect(inspected.applicantNationalId).toBe(seen.applicantNationalId);
      // Whoever reads the file's papers downloads the stage's photos and papers.
      for (const reader of ['citizen', 'clerk']) {
        for (const sha256 of [photo.sha256, paper.json().sha256]) {
          const res = await as(reader, 'GET', `/permits/${permitId}/attachments/${sha256}`);
          expect([reader, res.statusCode]).toEqual([reader, 200]);
        }
      }
    } finally {
      // The region back to one inspector, whom the other cases expect their files assigned to.
      const disabled = await as('admin', 'POST', `/users/${created.json().userId}/disable`, {
        reason: 'test over',
      });
      expect(disabled.statusCode).toBe(200);
    }
  });
});
