import { createHash } from 'node:crypto';
import { parse } from 'content-disposition';
import { BlobStore } from '../../src/attachments/blob-store.js';
import { DEMO_PERMIT_PARCEL } from '../../src/demo/walkthrough/demo-walkthrough.js';
import { DEMO_PASSWORD } from '../../src/identity/demo/demo-data.js';
import { call, signIn } from '../support/http.js';
import { multipart, MULTIPART_CONTENT_TYPE } from '../support/multipart.js';
import { samplePdf } from '../support/sample-attachments.js';
import { startTestApp, untilReady, type TestApp } from '../support/test-app.js';

describe('permit attachments: shared bytes and download names', () => {
  let t: TestApp;
  let token: string;

  const openDraft = async (): Promise<string> => {
    const res = await call(t.app, 'POST', '/permits', {
      token,
      body: { renewalCode: DEMO_PERMIT_PARCEL, applicationType: 'NewConstruction' },
    });
    expect(res.statusCode).toBe(201);
    return res.json().permitId;
  };
  const attach = (permitId: string, kind: string, content: Buffer, fileName = `${kind}.pdf`) =>
    t.app.inject({
      method: 'POST',
      url: `/permits/${permitId}/attachments`,
      headers: { authorization: `Bearer ${token}`, 'content-type': MULTIPART_CONTENT_TYPE },
      payload: multipart([
        { name: 'kind', value: kind },
        { name: 'file', fileName, content },
      ]),
    });
  const download = (permitId: string, sha256: string) =>
    t.app.inject({
      method: 'GET',
      url: `/permits/${permitId}/attachments/${sha256}`,
      headers: { authorization: `Bearer ${token}` },
    });

  beforeAll(async () => {
    t = await startTestApp({ env: { DAFTAR_DEMO_DATA: 'true' } });
    await untilReady(t.app);
    token = await signIn(t.app, 'citizen', DEMO_PASSWORD);
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  it('keeps the bytes of an accepted upload when the same bytes, uploaded beside it, are refused', async () => {
    const permitId = await openDraft();
    const content = Buffer.concat([samplePdf, Buffer.from(`shared-${permitId}`)]);
    const sha256 = createHash('sha256').update(content).digest('hex');
    // The first upload stores the bytes, then waits for the second to be attached before its command runs.
    const blobs = t.app.get(BlobStore);
    const put = blobs.put.bind(blobs);
    let stored!: () => void;
    let release!: () => void;
    const firstStored = new Promise<void>((resolve) => (stored = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    jest.spyOn(blobs, 'put').mockImplementationOnce(async (...args) => {
      const blob = await put(...args);
      stored();
      await released;
      return blob;
    });

    const refused = attach(permitId, 'site_plan', content);
    await firstStored;
    expect((await attach(permitId, 'ownership_deed', content)).statusCode).toBe(201);
    release();
    expect((await refused).json()).toMatchObject({ code: 'PERMIT.DOCUMENT_ALREADY_ATTACHED' });

    const res = await download(permitId, sha256);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload).toEqual(content);
  });

  it('downloads a file named with an emoji and a long Persian name under that name, cut by code point', async () => {
    const permitId = await openDraft();
    // The emoji straddles the 200th UTF-16 unit: a cut there would leave half of it.
    const fileName = `${'سند مالکیت '.repeat(19).slice(0, 199)}📄 نقشه.pdf`;
    const content = Buffer.concat([samplePdf, Buffer.from(`named-${permitId}`)]);
    const uploaded = await attach(permitId, 'ownership_deed', content, fileName);
    expect(uploaded.statusCode).toBe(201);
    const kept = [...fileName].slice(0, 200).join('');

    const res = await download(permitId, uploaded.json().attachments[0].sha256);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload).toEqual(content);
    const disposition = parse(res.headers['content-disposition'] as string);
    expect(disposition).toEqual({ type: 'attachment', parameters: { filename: kept } });
  });
});
