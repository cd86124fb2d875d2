import { createHash } from 'node:crypto';
import { createTestCa, issueTestSigner } from '../test/support/test-pki.js';
import { canonicalJson } from './canonical-json.js';
import { certificateBundle } from './certificates.js';
import { encodeSeal, verificationQrText, type SealFields } from './seal.js';
import { formatOfflineVerification, verifyOffline, type OfflineVerification } from './verify-offline.js';

const ca = createTestCa();
const signer = issueTestSigner(ca);
const older = issueTestSigner(ca, { notAfter: new Date('2026-01-01T00:00:00Z') });
const bundle = certificateBundle(ca.certificatePem, [signer.certificatePem, older.certificatePem]);

const content = {
  code: '1234567000Z',
  kind: 'BuildingPermit',
  municipality: 'hamedan',
  issuedAt: '2026-03-01T10:00:00.000Z',
  holders: [{ nationalId: '0012345679', name: 'مریم احمدی' }],
  body: { floors: 4, area: 182.5 },
};
const fields: SealFields = {
  code: content.code,
  kind: 'BuildingPermit',
  issuedAt: new Date(content.issuedAt),
  municipality: content.municipality,
  contentSha256: createHash('sha256').update(canonicalJson(content)).digest('hex'),
  keyId: signer.keyId,
};
const qrText = verificationQrText(
  'https://daftar.hamedan.ir',
  content.code,
  encodeSeal(fields, signer.keyPair.privateKeyPem),
);
// Pretty-printed with another key order: the canonical form is what counts.
const { body, ...rest } = content;
const contentJson = JSON.stringify({ body, ...rest }, null, 2);

function failed(verification: OfflineVerification): string[] {
  return verification.checks.filter((check) => !check.ok).map((check) => `${check.name}: ${check.detail}`);
}

describe('verifyOffline', () => {
  it('accepts a genuine QR code with its content', () => {
    const verification = verifyOffline({ qrText, certificatesPem: bundle, contentJson });
    expect(verification).toMatchObject({ valid: true, fields });
    expect(verification.checks.map((check) => check.name)).toEqual([
      'qr text',
      'certificates',
      'seal',
      'document code',
      'content',
    ]);
    expect(formatOfflineVerification(verification)).toMatch(
      /^Document 1234567000Z: BuildingPermit of municipality hamedan, issued 2026-03-01T10:00:00.000Z\n( {2}ok {3}.*\n){5}VALID\n$/,
    );
  });

  it('accepts the QR code alone, saying the content was not checked', () => {
    const verification = verifyOffline({ qrText, certificatesPem: bundle });
    expect(verification.valid).toBe(true);
    expect(formatOfflineVerification(verification)).toContain('content: not checked');
  });

  it('accepts a seal of an older key whose certificate has expired since', () => {
    const oldFields = { ...fields, issuedAt: new Date('2025-06-01T00:00:00Z'), keyId: older.keyId };
    const oldQr = verificationQrText(
      'https://daftar.hamedan.ir',
      content.code,
      encodeSeal(oldFields, older.keyPair.privateKeyPem),
    );
    expect(verifyOffline({ qrText: oldQr, certificatesPem: bundle }).valid).toBe(true);
  });

  it('reads the code in the URL as people type it', () => {
    const typed = qrText.replace('/v/1234567000Z', '/v/12345-67000-z');
    expect(verifyOffline({ qrText: typed, certificatesPem: bundle }).valid).toBe(true);
  });

  it('refuses tampered content', () => {
    const tampered = contentJson.replace('"floors": 4', '"floors": 9');
    const verification = verifyOffline({ qrText, certificatesPem: bundle, contentJson: tampered });
    expect(verification.valid).toBe(false);
    expect(failed(verification)).toEqual([
      expect.stringMatching(/^content: its canonical JSON has SHA-256 \w+, the seal/),
    ]);
    expect(formatOfflineVerification(verification)).toMatch(/FAIL {2}content: .*\nINVALID\n$/);
  });

  it('refuses content that is not JSON', () => {
    expect(failed(verifyOffline({ qrText, certificatesPem: bundle, contentJson: '{"floors":' }))).toEqual([
      expect.stringMatching(/^content: is not JSON data/),
    ]);
  });

  it('refuses a URL naming another document', () => {
    const other = qrText.replace('/v/1234567000Z', '/v/0000000014U');
    expect(failed(verifyOffline({ qrText: other, certificatesPem: bundle }))).toEqual([
      'document code: the URL names 0000000014U but the seal 1234567000Z',
    ]);
  });

  it('refuses a key the bundle does not publish', () => {
    const withoutSigner = certificateBundle(ca.certificatePem, [older.certificatePem]);
    expect(failed(verifyOffline({ qrText, certificatesPem: withoutSigner }))).toEqual([
      `seal: No published certificate has key id ${signer.keyId}`,
    ]);
  });

  it('refuses a bundle of another CA', () => {
    const otherCa = createTestCa();
    const otherBundle = certificateBundle(otherCa.certificatePem, [signer.certificatePem]);
    expect(failed(verifyOffline({ qrText, certificatesPem: otherBundle }))).toEqual([
      expect.stringMatching(/^seal: The certificate of key \w+ was not issued by the CA/),
    ]);
  });

  it('refuses a seal dated after its certificate expired', () => {
    const lateFields = { ...fields, keyId: older.keyId };
    const late = verificationQrText(
      'https://daftar.hamedan.ir',
      content.code,
      encodeSeal(lateFields, older.keyPair.privateKeyPem),
    );
    expect(failed(verifyOffline({ qrText: late, certificatesPem: bundle }))).toEqual([
      expect.stringMatching(/^seal: .*not valid at 2026-03-01T10:00:00.000Z/),
    ]);
  });

  it('refuses a changed seal', () => {
    const hashIndex = qrText.indexOf('#') + 40;
    const changed =
      qrText.slice(0, hashIndex) + (qrText[hashIndex] === 'A' ? 'B' : 'A') + qrText.slice(hashIndex + 1);
    expect(verifyOffline({ qrText: changed, certificatesPem: bundle, contentJson }).valid).toBe(false);
  });

  it.each([
    [
      'a QR text without a seal',
      { qrText: 'https://daftar.hamedan.ir/v/1234567000Z', certificatesPem: bundle },
      'qr text',
    ],
    ['an empty bundle', { qrText, certificatesPem: '' }, 'certificates'],
    ['a bundle with the CA only', { qrText, certificatesPem: ca.certificatePem }, 'certificates'],
    [
      'a bundle with a broken certificate',
      {
        qrText,
        certificatesPem: `${ca.certificatePem}\n-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n`,
      },
      'certificates',
    ],
  ])('refuses %s', (_name, input, check) => {
    const verification = verifyOffline(input);
    expect(verification.valid).toBe(false);
    expect(verification.checks.at(-1)).toMatchObject({ name: check, ok: false });
    expect(formatOfflineVerification(verification)).toMatch(/INVALID\n$/);
  });
});
