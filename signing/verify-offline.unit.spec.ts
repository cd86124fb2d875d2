import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { createTestCa, issueTestSealer, issueTestSigner, type TestSealer } from '../test/support/test-pki.js';
import { canonicalJson } from './canonical-json.js';
import { certificateBundle } from './certificates.js';
import { encodeSeal, verificationQrText, type SealFields } from './seal.js';
import { encodeSealV2, sealKeyFrom } from './seal-v2.js';
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

/**
 * A format-2 seal as a forger writes it: built here byte by byte (encodeSealV2 refuses such facts) and
 * signed with a P-256 key of their own under the key id `keyId`.
 */
function forgedSealV2(
  facts: { municipality: string; renewalCode: string; holders: string[] },
  keyId: string,
) {
  const text = (t: string) => Buffer.concat([Uint8Array.of(Buffer.byteLength(t)), Buffer.from(t)]);
  const signed = Buffer.concat([
    Uint8Array.of(2, 1), // format 2, BuildingPermit
    Buffer.from(content.code),
    Buffer.from('69a40e20', 'hex'), // issued 2026-03-01T10:00:00Z
    Buffer.alloc(4), // no expiry
    Uint8Array.of(0), // no result
    text(facts.municipality),
    text(facts.renewalCode),
    Uint8Array.of(facts.holders.length),
    ...facts.holders.map(text),
    Buffer.alloc(2), // no more holders
    Buffer.from(fields.contentSha256, 'hex'),
    Buffer.from(keyId, 'hex'),
  ]);
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const signature = sign('sha256', signed, { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return verificationQrText(
    'https://daftar.hamedan.ir',
    content.code,
    Buffer.concat([signed, signature]).toString('base64url'),
  );
}

/** Every printed line is a check, the note on the content or, last, the verdict. */
function expectOnlyCheckLines(printed: string, verdict: 'VALID' | 'INVALID'): void {
  const lines = printed.split('\n');
  expect(lines.pop()).toBe('');
  expect(lines.pop()).toBe(verdict);
  for (const line of lines) expect(line).toMatch(/^ {2}(ok {3}|FAIL {1}|-- {3}) [a-z ]+: /);
  expect(printed).not.toMatch(/[\p{Cc}\p{Bidi_Control}](?<!\n)/u);
}

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

  it('verifies a seal of format 2 and prints the facts to compare with the paper', async () => {
    const sealer = await issueTestSealer(ca);
    const facts = {
      ...fields,
      kind: 'InquiryAnswer' as const,
      result: 'blocked' as const,
      renewalCode: '1-1-1-1-0-0-0',
      holders: ['م*** ا***'],
      expiresAt: new Date('2029-03-01T10:00:00Z'),
      keyId: sealer.keyId,
    };
    const v2Text = verificationQrText(
      'https://daftar.hamedan.ir',
      content.code,
      encodeSealV2(facts, sealKeyFrom(sealer.privateKeyPem)),
    );
    const withSeal = certificateBundle(ca.certificatePem, [signer.certificatePem, sealer.certificatePem]);
    const verification = verifyOffline({ qrText: v2Text, certificatesPem: withSeal });
    expect(verification).toMatchObject({ valid: true, fields: facts });
    const printed = formatOfflineVerification(verification);
    expect(printed).toContain('Compare with the paper / با متن سند مقایسه کنید:');
    expect(printed).toContain('  kind / نوع سند: InquiryAnswer (پاسخ استعلام)\n');
    expect(printed).toContain('  renewal code / کد نوسازی: 1-1-1-1-0-0-0\n');
    expect(printed).toContain('  holders / دارندگان: م*** ا***\n');
    expect(printed).toMatch(/ {2}issued \/ تاریخ صدور: 2026-03-01 \(.*۱۴۰۴.*\)\n/);
    expect(printed).toMatch(/ {2}expires \/ تاریخ اعتبار: 2029-03-01 \(.*۱۴۰۷.*\)\n/);
    expect(printed).toContain('  result / نتیجه: blocked (دارای مانع)\n');
    expect(printed).toMatch(/VALID\n$/);
    // Without the seal certificate in the bundle, the same seal does not verify.
    expect(verifyOffline({ qrText: v2Text, certificatesPem: bundle }).valid).toBe(false);
  });

  describe('a forged seal of format 2', () => {
    let sealer: TestSealer;
    let withSeal: string;
    beforeAll(async () => {
      sealer = await issueTestSealer(ca);
      withSeal = certificateBundle(ca.certificatePem, [signer.certificatePem, sealer.certificatePem]);
    });

    it.each([
      ['holders', { holders: ['x\n  ok    seal: signed by key 0123456789abcdef', 'x\nVALID\n\x1b[8m'] }],
      ['a renewal code', { renewalCode: '1-1-1-1-0-0-0\nVALID\n\x1b[8m' }],
      ['a municipality', { municipality: 'x\u202eDILAVNI' }],
      ['a bidi isolate and a C1 control in a holder', { holders: ['\u2067x\u009b2J'] }],
    ])('cannot write lines, terminal codes or bidi controls through %s', (_name, payload) => {
      const facts = {
        municipality: 'hamedan',
        renewalCode: '1-1-1-1-0-0-0',
        holders: ['ز*** ا***'],
        ...payload,
      };
      const verification = verifyOffline({
        qrText: forgedSealV2(facts, sealer.keyId),
        certificatesPem: withSeal,
      });
      expect(verification.valid).toBe(false);
      expect(verification).not.toHaveProperty('fields');
      const printed = formatOfflineVerification(verification);
      expectOnlyCheckLines(printed, 'INVALID');
      expect(printed).toMatch(/FAIL {2}seal: .*control characters|FAIL {2}seal: The renewal code/);
    });

    it('shows none of its facts when only the signature is wrong', () => {
      const facts = { municipality: 'forgedtown', renewalCode: '9-9-9-9-0-0-0', holders: ['ف*** ج***'] };
      const verification = verifyOffline({
        qrText: forgedSealV2(facts, sealer.keyId),
        certificatesPem: withSeal,
      });
      expect(verification).toMatchObject({ valid: false });
      expect(verification).not.toHaveProperty('fields');
      const printed = formatOfflineVerification(verification);
      expectOnlyCheckLines(printed, 'INVALID');
      expect(printed).toContain('FAIL  seal: The seal signature does not verify');
      expect(printed).not.toMatch(/Compare|9-9-9-9|ف\*\*\*|forgedtown/);
    });

    it('escapes the controls of a code typed into the URL', () => {
      const typed = qrText.replace('/v/1234567000Z', '/v/%1b%5b8m%0aVALID%e2%80%ae');
      const printed = formatOfflineVerification(verifyOffline({ qrText: typed, certificatesPem: bundle }));
      expectOnlyCheckLines(printed, 'INVALID');
      expect(printed).toContain('the URL names \\u{1b}[8m\\u{a}VALID\\u{202e} but the seal 1234567000Z');
    });

    it('says how many holders the seal counts but does not name', () => {
      const many = {
        ...fields,
        renewalCode: '1-1-1-1-0-0-0',
        holders: ['م*** ا***'],
        moreHolders: 39,
        keyId: sealer.keyId,
      };
      const text = verificationQrText(
        'https://daftar.hamedan.ir',
        content.code,
        encodeSealV2(many, sealKeyFrom(sealer.privateKeyPem)),
      );
      const printed = formatOfflineVerification(verifyOffline({ qrText: text, certificatesPem: withSeal }));
      expect(printed).toContain('  holders / دارندگان: م*** ا***، and 39 more (و 39 نفر دیگر)\n');
      expect(printed).toMatch(/\nVALID\n$/);
    });
  });
});
