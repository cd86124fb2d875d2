import { join } from 'node:path';
import { qrVersionOf } from '../../signing/barcodes.js';
import { encodeSeal, verificationQrText } from '../../signing/seal.js';
import { decodeSealV2 } from '../../signing/seal-v2.js';
import { verifyOffline } from '../../signing/verify-offline.js';
import { DEMO_OVERRIDE_REASON, runDemo } from '../../src/demo/walkthrough/demo-walkthrough.js';
import type { DocumentContent } from '../../src/documents/document.events.js';
import { DEMO_PASSWORD } from '../../src/identity/demo/demo-data.js';
import { maskName } from '../../src/shared/masking.js';
import { decodeBarcodePng } from '../support/decode-barcode.js';
import { call, signIn } from '../support/http.js';
import { createTestCa, issueTestSigner } from '../support/test-pki.js';
import { startTestApp, untilReady, type TestApp } from '../support/test-app.js';

describe('npm run demo', () => {
  let t: TestApp;
  let url: string;
  /** The walk-through, run once: each test reads what it made, none changes it. */
  let result: Awaited<ReturnType<typeof runDemo>>;
  const lines: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ env: { DAFTAR_DEMO_DATA: 'true' } });
    await untilReady(t.app);
    await t.app.listen(0, '127.0.0.1');
    url = await t.app.getUrl();
    result = await runDemo(url, (line) => lines.push(line), join(t.config.dataDir, 'outbox', 'sms.jsonl'));
  });
  afterAll(() => t.close());

  it('walks an application to its permit and completion certificate, all of them verifiable', async () => {
    expect(result).toEqual({
      permitId: expect.any(String),
      mapOrderDocument: expect.any(String),
      permitDocument: expect.any(String),
      renewedPermitDocument: expect.any(String),
      completionDocument: expect.any(String),
      inquiryDocument: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{11}$/),
      verifyUrl: `${url}/v/${encodeURIComponent(result.renewedPermitDocument)}`,
      registeredNationalId: expect.stringMatching(/^\d{10}$/),
    });
    const codes = [
      result.mapOrderDocument,
      result.renewedPermitDocument,
      result.completionDocument,
      result.inquiryDocument,
    ];
    for (const code of codes) {
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{11}$/);
      expect((await call(t.app, 'GET', `/v/${encodeURIComponent(code)}`)).json()).toMatchObject({
        status: 'valid',
      });
    }
    // The permit renewed (تمدید پروانه) on the same file: the first document is superseded by the renewed one.
    expect((await call(t.app, 'GET', `/v/${result.permitDocument}`)).json()).toMatchObject({
      status: 'superseded',
      supersededBy: result.renewedPermitDocument,
    });
    expect(lines.some((line) => line.startsWith('signatory POST'))).toBe(true);
    expect(lines.some((line) => /^citizen POST \/permits\/[^/]+\/engineer/.test(line))).toBe(true);
    expect(lines.some((line) => /^clerk POST \/permits\/[^/]+\/fees\/PERMIT_FEE/.test(line))).toBe(true);
  });

  it('lowers the permit fee with a reason before payment, and the citizen pays the lowered total', async () => {
    const citizen = await signIn(t.app, 'citizen', DEMO_PASSWORD);
    const { fees } = (await call(t.app, 'GET', `/permits/${result.permitId}`, { token: citizen })).json();
    const [override] = fees.overrides;
    expect(override).toMatchObject({ line: 'PERMIT_FEE', reason: DEMO_OVERRIDE_REASON });
    expect(override.to).toBeLessThan(override.from);
    expect(fees).toMatchObject({ total: override.to, paid: override.to, outstanding: 0 });
  });

  it('prints on the permit a QR seal of format 2 whose facts are the paper’s, in a smaller QR code', async () => {
    const code = result.permitDocument;
    const clerk = await signIn(t.app, 'clerk', DEMO_PASSWORD);
    const png = await call(t.app, 'GET', `/documents/${code}/qr.png`, { token: clerk });
    const content = (
      await call(t.app, 'GET', `/documents/${code}/content.json`, { token: clerk })
    ).json() as DocumentContent;
    const qrText = decodeBarcodePng(png.rawPayload, 'qr');
    const certificatesPem = (await call(t.app, 'GET', '/.well-known/daftar/certificates')).body;
    expect(verifyOffline({ qrText, certificatesPem, contentJson: JSON.stringify(content) }).valid).toBe(true);

    const seal = decodeSealV2(qrText.split('#')[1]!);
    expect(seal).toMatchObject({
      version: 2,
      code,
      kind: 'BuildingPermit',
      municipality: content.municipality,
      renewalCode: content.renewalCode,
      holders: content.holders.map((holder) => maskName(holder.name)),
      issuedAt: new Date(Math.floor(Date.parse(content.issuedAt) / 1000) * 1000),
      expiresAt: new Date(Math.floor(Date.parse(String(content.body['validUntil'])) / 1000) * 1000),
    });
    expect(seal.holders.length).toBeGreaterThan(0);
    expect(seal).not.toHaveProperty('result');

    // The same document sealed in format 1 with an RSA-2048 key, as it was printed before.
    const rsa = issueTestSigner(createTestCa());
    const v1 = encodeSeal({ ...seal, keyId: rsa.keyId }, rsa.keyPair.privateKeyPem);
    const v1Version = qrVersionOf(verificationQrText(t.config.publicUrl, code, v1));
    const v2Version = qrVersionOf(qrText);
    // Measured: format 1 needs version 17 (a 321-byte seal), format 2 version 12 (163 bytes).
    expect(v2Version).toBeLessThan(v1Version);
  });
});
