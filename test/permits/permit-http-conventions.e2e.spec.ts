import { DEMO_PERMIT_PARCEL } from '../../src/demo/walkthrough/demo-walkthrough.js';
import { DEMO_PASSWORD } from '../../src/identity/demo/demo-data.js';
import { call, signIn } from '../support/http.js';
import { multipart, MULTIPART_CONTENT_TYPE } from '../support/multipart.js';
import { samplePdf } from '../support/sample-attachments.js';
import { startTestApp, untilReady, type TestApp } from '../support/test-app.js';

describe('command answers: ETag, Location, If-Match and Idempotency-Key', () => {
  let t: TestApp;
  const token: Record<string, string> = {};
  const as = (user: string, method: 'GET' | 'POST', url: string, body?: unknown, headers = {}) =>
    call(t.app, method, url, { token: token[user]!, ...(body === undefined ? {} : { body }), headers });
  const etagOf = async (permitId: string) =>
    (await as('clerk', 'GET', `/permits/${permitId}`)).headers['etag'];

  beforeAll(async () => {
    t = await startTestApp({ env: { DAFTAR_DEMO_DATA: 'true' } });
    await untilReady(t.app);
    for (const user of ['citizen', 'clerk']) token[user] = await signIn(t.app, user, DEMO_PASSWORD);
  });
  afterAll(() => t.close());

  async function openWithDocuments(): Promise<string> {
    const opened = await as('citizen', 'POST', '/permits', {
      renewalCode: DEMO_PERMIT_PARCEL,
      applicationType: 'NewConstruction',
    });
    expect(opened.statusCode).toBe(201);
    const { permitId } = opened.json();
    expect(opened.headers['etag']).toBe('"0"');
    expect(opened.headers['location']).toBe(`/permits/${permitId}`);
    expect((await as('citizen', 'GET', `/permits/${permitId}`)).headers['etag']).toBe('"0"');
    for (const kind of ['ownership_deed', 'national_card', 'site_plan']) {
      const attached = await t.app.inject({
        method: 'POST',
        url: `/permits/${permitId}/attachments`,
        headers: { authorization: `Bearer ${token['citizen']}`, 'content-type': MULTIPART_CONTENT_TYPE },
        payload: multipart([
          { name: 'kind', value: kind },
          { name: 'file', fileName: `${kind}.pdf`, content: Buffer.concat([samplePdf, Buffer.from(kind)]) },
        ]),
      });
      expect(attached.statusCode).toBe(201);
      expect(attached.headers['etag']).toBe(await etagOf(permitId));
    }
    return permitId;
  }

  it('answers every command with the ETag a later GET shows, and accepts If-Match * and strong tags', async () => {
    const permitId = await openWithDocuments();
    const submitted = await as('citizen', 'POST', `/permits/${permitId}/submission`, {}, { 'if-match': '*' });
    expect(submitted.statusCode).toBe(201);
    expect(submitted.headers['etag']).toMatch(/^"\d+"$/);
    expect(submitted.headers['etag']).toBe(await etagOf(permitId));
    expect(submitted.headers['etag']).toBe(`"${submitted.json().revision}"`);

    const taken = await as(
      'clerk',
      'POST',
      `/permits/${permitId}/take`,
      {},
      { 'if-match': submitted.headers['etag'] },
    );
    expect(taken.statusCode).toBe(201);
    expect(taken.headers['etag']).toBe(await etagOf(permitId));
  });

  it('refuses a weak If-Match with 412, since it compares strongly', async () => {
    const permitId = await openWithDocuments();
    const current = (await etagOf(permitId)) as string;
    const weak = await as(
      'citizen',
      'POST',
      `/permits/${permitId}/submission`,
      {},
      { 'if-match': `W/${current}` },
    );
    expect(weak.statusCode).toBe(412);
    expect(weak.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(weak.json()).toMatchObject({ status: 412, code: 'REQUEST.WEAK_IF_MATCH' });
    expect(await etagOf(permitId)).toBe(current);
  });

  it('replays a retried Idempotency-Key, and refuses it with 422 for another body', async () => {
    const permitId = await openWithDocuments();
    expect((await as('citizen', 'POST', `/permits/${permitId}/submission`, {})).statusCode).toBe(201);
    expect((await as('clerk', 'POST', `/permits/${permitId}/take`, {})).statusCode).toBe(201);
    const key = { 'idempotency-key': `reject-${permitId}` };
    const reject = (reason: string) => as('clerk', 'POST', `/permits/${permitId}/rejection`, { reason }, key);
    const first = await reject('Duplicate file');
    expect(first.statusCode).toBe(201);
    const retried = await reject('Duplicate file');
    expect(retried.statusCode).toBe(201);
    expect(retried.headers['etag']).toBe(first.headers['etag']);
    const other = await reject('Another reason');
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ status: 422, code: 'REQUEST.IDEMPOTENCY_KEY_REUSED' });
    expect(await etagOf(permitId)).toBe(first.headers['etag']);
  });
});
