import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJson } from '../../signing/canonical-json.js';
import { certificateBundle } from '../../signing/certificates.js';
import { signDetached } from '../../signing/cms.js';
import { encodeSeal, verificationQrText } from '../../signing/seal.js';
import { encodeSealV2, sealKeyFrom } from '../../signing/seal-v2.js';
import { verifyOffline } from '../../signing/verify-offline.js';
import { opensslCmsVerify } from '../support/openssl.js';
import { createTestCa, issueTestSealer, issueTestSigner, type TestCa } from '../support/test-pki.js';

// OpenSSL checks certificates against its own clock, so these signers are valid around now.
const now = new Date();
const aroundNow = {
  notBefore: new Date(now.getTime() - 86_400_000),
  notAfter: new Date(now.getTime() + 86_400_000),
};
const published = createTestCa();
const elsewhere = createTestCa('مرکز صدور گواهی دیگر');
const content = new TextEncoder().encode(
  canonicalJson({ code: 'HAMEDAN123J', kind: 'BuildingPermit', holders: [{ name: 'زهرا احمدی' }] }),
);
const contentSha256 = createHash('sha256').update(content).digest();

function signedBy(ca: TestCa): Buffer {
  const signer = issueTestSigner(ca, aroundNow);
  return Buffer.from(
    signDetached({
      content,
      certificatePem: signer.certificatePem,
      privateKeyPem: signer.keyPair.privateKeyPem,
      caCertificatePem: ca.certificatePem,
      signingTime: now,
    }),
  );
}

describe('openssl cms -verify refuses what the published CA did not sign', () => {
  let dir: string;
  const genuine = signedBy(published);
  const write = (p7s: Uint8Array, caPem = published.certificatePem) => {
    writeFileSync(join(dir, 'signature.p7s'), p7s);
    writeFileSync(join(dir, 'ca.pem'), caPem);
  };
  const withByteFlipped = (at: number) => {
    const changed = Buffer.from(genuine);
    changed[at]! ^= 0x01;
    return changed;
  };
  const opensslVerify = () => opensslCmsVerify(dir);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'daftar-p7s-'));
    writeFileSync(join(dir, 'content.json'), content);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts the genuine .p7s with the published CA', () => {
    write(genuine);
    expect(opensslVerify).not.toThrow();
  });

  it('refuses the .p7s with one byte of the signature value changed', () => {
    write(withByteFlipped(genuine.length - 1));
    expect(opensslVerify).toThrow(/CMS_SignerInfo_verify:verification failure/);
  });

  it('refuses the .p7s with one byte of the signed message digest changed', () => {
    const at = genuine.indexOf(contentSha256);
    expect(at).toBeGreaterThan(0);
    write(withByteFlipped(at + 5));
    expect(opensslVerify).toThrow(/CMS_SignerInfo_verify:verification failure/);
  });

  it('refuses a chain to a CA that is not the published one, even with that CA inside the .p7s', () => {
    write(signedBy(elsewhere));
    expect(opensslVerify).toThrow(/certificate verify error/);
  });

  it('refuses the genuine .p7s when another CA is the one trusted', () => {
    write(genuine, elsewhere.certificatePem);
    expect(opensslVerify).toThrow(/certificate verify error/);
  });
});

describe('offline verification refuses a seal signed by another key', () => {
  const signer = issueTestSigner(published);
  const fields = {
    code: 'HAMEDAN123J',
    kind: 'BuildingPermit',
    issuedAt: new Date('2026-03-01T10:00:00Z'),
    municipality: 'hamedan',
    contentSha256: contentSha256.toString('hex'),
  } as const;
  const qrText = (seal: string) => verificationQrText('https://daftar.hamedan.ir', fields.code, seal);
  /** The genuine seal's signed bytes, signed again by a key of the forger's under the same key id. */
  const resigned = (seal: string, signature: (signed: Buffer) => Buffer, length: number) => {
    const signed = Buffer.from(seal, 'base64url').subarray(0, -length);
    return Buffer.concat([signed, signature(signed)]).toString('base64url');
  };
  const verdict = (seal: string, certificatesPem: string) =>
    verifyOffline({ qrText: qrText(seal), certificatesPem, contentJson: Buffer.from(content).toString() });
  const expectForged = (seal: string, certificatesPem: string) =>
    expect(verdict(seal, certificatesPem)).toMatchObject({
      valid: false,
      checks: expect.arrayContaining([
        { name: 'seal', ok: false, detail: 'The seal signature does not verify' },
      ]) as unknown,
    });

  it('format 1: the published key id, another RSA key', () => {
    const bundle = certificateBundle(published.certificatePem, [signer.certificatePem]);
    const genuine = encodeSeal({ ...fields, keyId: signer.keyId }, signer.keyPair.privateKeyPem);
    expect(verdict(genuine, bundle).valid).toBe(true);
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const forged = resigned(genuine, (signed) => sign('sha256', signed, privateKey), 256);
    expectForged(forged, bundle);
  });

  it('format 2: the published key id, another P-256 key', async () => {
    const sealer = await issueTestSealer(published);
    const bundle = certificateBundle(published.certificatePem, [sealer.certificatePem]);
    const genuine = encodeSealV2(
      { ...fields, holders: ['ز*** ا***'], keyId: sealer.keyId },
      sealKeyFrom(sealer.privateKeyPem),
    );
    expect(verdict(genuine, bundle).valid).toBe(true);
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const p1363 = { key: privateKey, dsaEncoding: 'ieee-p1363' } as const;
    const forged = resigned(genuine, (signed) => sign('sha256', signed, p1363), 64);
    expectForged(forged, bundle);
  });
});
