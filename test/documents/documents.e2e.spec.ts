import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { splitPemCertificates } from '../../signing/certificates.js';
import { documentCodeFrom } from '../../signing/document-code.js';
import { verifyOffline } from '../../signing/verify-offline.js';
import { CommandBus } from '@nestjs/cqrs';
import { IssueDocumentCommand } from '../../src/documents/issue-document/issue-document.command.js';
import { AuditTrail } from '../../src/audit/audit-trail.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { bootstrapAdmin, signedInUser } from '../support/bootstrap-admin.js';
import { registeredCitizen } from '../support/citizens.js';
import { decodeBarcodePng } from '../support/decode-barcode.js';
import { hamedan, registerAll } from '../support/directory.js';
import { call } from '../support/http.js';
import {
  documentContext,
  issueUnderCode,
  PERMIT_HOLDER,
  permitDocumentRequest,
} from '../support/permit-documents.js';
import { opensslCmsVerify } from '../support/openssl.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const OWNER = PERMIT_HOLDER.nationalId;
const STRANGER = '0499370899';

const permitRequest = (permitId?: string) =>
  permitDocumentRequest({ validUntil: '2029-11-25T00:00:00.000Z', feesTotal: 123_000_000 }, permitId);

describe('signed documents: issue, fetch, barcodes, print, revoke, and verify online and offline', () => {
  let t: TestApp;
  let owner: string;
  let stranger: string;
  let clerk: string;
  let clerkOfTehran: string;
  let signatory: string;
  let signatoryOfTehran: string;
  let dir: string;

  const issue = (request = permitRequest()) =>
    t.app.get(CommandBus).execute(new IssueDocumentCommand(request, documentContext()));

  beforeAll(async () => {
    t = await startTestApp();
    dir = mkdtempSync(join(tmpdir(), 'daftar-docs-'));
    const admin = await bootstrapAdmin(t.app);
    await registerAll(t.app, admin, {
      municipalities: [hamedan, { code: 'tehran', name: 'Tehran', nameFa: 'تهران', regions: [] }],
    });
    owner = await registeredCitizen(t.app, OWNER, 'زهرا احمدی');
    stranger = await registeredCitizen(t.app, STRANGER);
    const staff = async (username: string, role: 'clerk' | 'signatory', municipality: string) =>
      (await signedInUser(t.app, username, [{ role, municipality }])).token;
    clerk = await staff('clerk-h', 'clerk', 'hamedan');
    clerkOfTehran = await staff('clerk-t', 'clerk', 'tehran');
    signatory = await staff('signatory-h', 'signatory', 'hamedan');
    signatoryOfTehran = await staff('signatory-t', 'signatory', 'tehran');
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a valid document with its summary, masked names, no amounts, and a good signature', async () => {
    const { code } = await issue();
    const res = await call(t.app, 'GET', `/v/${code}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      status: 'valid',
      code,
      kind: 'BuildingPermit',
      municipality: { id: 'hamedan', nameFa: 'همدان' },
      summary: { renewalCode: '1-1-1-1-0-0-0', floors: 4, use: 'residential', holders: ['ز*** ا***'] },
      signature: { valid: true },
      certificate: { subject: expect.stringContaining('CN=') },
    });
    expect(body.issuedAtJalali).toMatch(/^14\d\d-\d\d-\d\d$/);
    expect(body.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(res.body).not.toContain('123000000');
    expect(res.body).not.toContain(OWNER);
  });

  it('answers a browser with a Persian right-to-left page', async () => {
    const { code } = await issue();
    const res = await call(t.app, 'GET', `/v/${code.toLowerCase()}`, {
      headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('dir="rtl"');
    expect(res.body).toContain('وضعیت: معتبر');
    expect(res.body).toContain('پروانه ساختمانی');
  });

  it('still verifies a code issued under a check symbol new codes no longer take', async () => {
    const old = '77DB244B58=';
    await issueUnderCode(t.app, old, permitRequest());
    for (const typed of [old, '77db244b58=', '77DB2-44B58='])
      expect((await call(t.app, 'GET', `/v/${encodeURIComponent(typed)}`)).json()).toMatchObject({
        status: 'valid',
        code: old,
        signature: { valid: true },
      });
    expect((await call(t.app, 'GET', `/v/${encodeURIComponent('77DB244B59=')}`)).statusCode).toBe(404);
  });

  it('answers a malformed code, a wrong check character and an unknown code alike', async () => {
    const { code } = await issue();
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    const last = code.at(-1)!;
    const wrongCheck = code.slice(0, -1) + alphabet[(alphabet.indexOf(last) + 1) % alphabet.length];
    const unknown = documentCodeFrom(randomBytes(16));
    const answers = await Promise.all(
      ['not-a-code!', wrongCheck, unknown].map((c) => call(t.app, 'GET', `/v/${encodeURIComponent(c)}`)),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([404, 404, 404]);
    // Alike but for `instance`, which only repeats the path asked for.
    const alike = answers.map((a) => JSON.stringify({ ...a.json(), instance: undefined }));
    expect(new Set(alike).size).toBe(1);
    expect(answers[0]!.json()).toMatchObject({
      code: 'DOCUMENT.NOT_FOUND',
      details: { status: 'not_found' },
    });
  });

  it('gives the holder content and signature that openssl verifies, and refuses tampered content', async () => {
    const { code } = await issue();
    const content = await call(t.app, 'GET', `/documents/${code}/content.json`, { token: owner });
    const signature = await call(t.app, 'GET', `/documents/${code}/signature.p7s`, { token: owner });
    const bundle = await call(t.app, 'GET', '/.well-known/daftar/certificates');
    expect([content.statusCode, signature.statusCode, bundle.statusCode]).toEqual([200, 200, 200]);
    expect(signature.headers['content-type']).toBe('application/pkcs7-signature');
    const [ca] = splitPemCertificates(bundle.body);
    writeFileSync(join(dir, 'content.json'), content.rawPayload);
    writeFileSync(join(dir, 'signature.p7s'), signature.rawPayload);
    writeFileSync(join(dir, 'ca.pem'), ca!);
    const openssl = () => opensslCmsVerify(dir);
    expect(openssl).not.toThrow();
    writeFileSync(join(dir, 'content.json'), content.body.replace('"floors":4', '"floors":9'));
    expect(openssl).toThrow();
  });

  it('prints a QR code that decodes to the verification URL with the seal, which verifies offline', async () => {
    const { code } = await issue();
    const qr = await call(t.app, 'GET', `/documents/${code}/qr.png`, { token: owner });
    const barcode = await call(t.app, 'GET', `/documents/${code}/barcode.png`, { token: owner });
    const svg = await call(t.app, 'GET', `/documents/${code}/qr.svg`, { token: owner });
    expect(qr.headers['content-type']).toBe('image/png');
    const qrText = decodeBarcodePng(qr.rawPayload, 'qr');
    const [address, seal] = qrText.split('#');
    expect(address).toBe(`${t.config.publicUrl}/v/${code}`);
    expect(seal).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeBarcodePng(barcode.rawPayload, 'code128')).toBe(code);
    expect(svg.body).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);

    const certificates = (await call(t.app, 'GET', '/.well-known/daftar/certificates')).body;
    const content = (await call(t.app, 'GET', `/documents/${code}/content.json`, { token: owner })).body;
    expect(verifyOffline({ qrText, certificatesPem: certificates, contentJson: content })).toMatchObject({
      valid: true,
    });
    const tampered = content.replace('"floors":4', '"floors":9');
    expect(verifyOffline({ qrText, certificatesPem: certificates, contentJson: tampered })).toMatchObject({
      valid: false,
    });
  });

  it('shows documents only to their holders and the municipality’s staff', async () => {
    const { code } = await issue();
    const as = (token?: string) =>
      call(t.app, 'GET', `/documents/${code}/content.json`, token ? { token } : {}).then((r) => r.statusCode);
    expect(await as(owner)).toBe(200);
    expect(await as(clerk)).toBe(200);
    expect(await as(stranger)).toBe(404);
    expect(await as(clerkOfTehran)).toBe(404);
    expect(await as(undefined)).toBe(401);
  });

  it('prints the document in Persian, its codes left to right with their own digits, and both barcodes', async () => {
    const { code } = await issue();
    const res = await call(t.app, 'GET', `/documents/${code}`, { token: owner });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('dir="rtl"');
    expect(res.body).toContain('پروانه ساختمانی');
    expect(res.body).toContain('<bdi dir="ltr">1-1-1-1-0-0-0</bdi>');
    expect(res.body).toContain(`<code id="code" dir="ltr">${code}</code>`);
    expect(res.body).toContain('<svg');
    expect(res.body).toContain('data:image/png;base64,');
  });

  it('records the clerk’s reading of the printed document for its holder', async () => {
    const { code } = await issue();
    const accessed = jest.spyOn(t.app.get(AuditTrail), 'accessed');
    try {
      expect((await call(t.app, 'GET', `/documents/${code}`, { token: clerk })).statusCode).toBe(200);
      expect(accessed).toHaveBeenCalledWith(
        expect.anything(),
        expect.objectContaining({ what: 'document_content', subject: code }),
      );
    } finally {
      accessed.mockRestore();
    }
  });

  it('lets the signatory revoke a document, after which it verifies as revoked', async () => {
    const { code } = await issue();
    // Verified once before: the answer kept for the public must not outlive the revocation.
    expect((await call(t.app, 'GET', `/v/${code}`)).json().status).toBe('valid');
    const revoke = (token: string, body: object) =>
      call(t.app, 'POST', `/documents/${code}/revocation`, { token, body });
    expect((await revoke(clerk, { reason: 'issued in error' })).statusCode).toBe(403);
    expect((await revoke(signatoryOfTehran, { reason: 'issued in error' })).statusCode).toBe(404);
    expect((await revoke(signatory, {})).statusCode).toBe(400);
    const revoked = await revoke(signatory, { reason: 'issued in error' });
    expect(revoked.statusCode).toBe(201);
    expect(revoked.json()).toMatchObject({ status: 'revoked', revocation: { reason: 'issued in error' } });
    expect((await call(t.app, 'GET', `/v/${code}`)).json()).toMatchObject({
      status: 'revoked',
      revocation: { reason: 'issued in error' },
      signature: { valid: true },
    });
    expect((await revoke(signatory, { reason: 'again' })).json()).toMatchObject({
      code: 'DOCUMENT.NOT_VALID',
    });
  });

  it('lets the signatory mark a document superseded by a newer one', async () => {
    const old = await issue();
    const replacement = await issue();
    const supersede = (by: string) =>
      call(t.app, 'POST', `/documents/${old.code}/supersession`, {
        token: signatory,
        body: { by, reason: 'area corrected' },
      });
    expect((await supersede(documentCodeFrom(randomBytes(16)))).json()).toMatchObject({
      code: 'DOCUMENT.REPLACEMENT_NOT_FOUND',
    });
    expect((await supersede(replacement.code)).statusCode).toBe(201);
    expect((await call(t.app, 'GET', `/v/${old.code}`)).json()).toMatchObject({
      status: 'superseded',
      supersededBy: replacement.code,
    });
  });

  it('issues one document per cause, however often the cause is handled', async () => {
    const request = permitRequest();
    const first = await issue(request);
    const again = await issue(request);
    expect(again.code).toBe(first.code);
    const events = await t.app.get<EventStore>(EVENT_STORE).readStream(`document-${first.code}`);
    expect(events.map((e) => e.type)).toEqual(['DocumentIssued']);
  });
});

describe('public verification is rate-limited per address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { DAFTAR_VERIFY_RATE_LIMIT: '3' } });
  });
  afterAll(() => t.close());

  it('answers 429 with Retry-After once an address passes the limit', async () => {
    const codes = [];
    for (let i = 0; i < 3; i += 1) codes.push((await call(t.app, 'GET', '/v/AAAAAAAAAAA')).statusCode);
    expect(codes).toEqual([404, 404, 404]);
    const limited = await call(t.app, 'GET', '/v/AAAAAAAAAAA');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED' });
  });
});

describe('a valid document’s verification, answered again from memory', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { DAFTAR_VERIFY_RATE_LIMIT: '3' } });
    await registerAll(t.app, await bootstrapAdmin(t.app), { municipalities: [hamedan] });
  });
  afterAll(() => t.close());

  it('still counts every request against the address’s limit', async () => {
    const { code } = await t.app
      .get(CommandBus)
      .execute(new IssueDocumentCommand(permitRequest(), documentContext()));
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await call(t.app, 'GET', `/v/${code}`)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});
