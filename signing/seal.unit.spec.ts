import { createHash, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestCa, generateRsaKeyPair, issueTestSigner } from '../test/support/test-pki.js';
import { signingKeyFrom } from './certificates.js';
import {
  decodeSeal,
  encodeSeal,
  encodeSealOffThread,
  encodeSealWith,
  parseVerificationQrText,
  SealError,
  verificationQrText,
  verifySeal,
  type SealFields,
} from './seal.js';

const ca = createTestCa();
const signer = issueTestSigner(ca);
const published = [{ certificatePem: signer.certificatePem }];

const fields: SealFields = {
  code: '1234567000Z',
  kind: 'CompletionCertificate',
  issuedAt: new Date('2026-03-01T10:00:00Z'),
  municipality: 'tehran',
  contentSha256: createHash('sha256').update('{"a":1}').digest('hex'),
  keyId: signer.keyId,
};
const seal = encodeSeal(fields, signer.keyPair.privateKeyPem);

function reencoded(change: (bytes: Buffer) => Buffer): string {
  return change(Buffer.from(seal, 'base64url')).toString('base64url');
}

function sealErrorCode(text: string): string | undefined {
  try {
    decodeSeal(text);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(SealError);
    return (error as SealError).code;
  }
}

describe('seals', () => {
  it('decodes what it encodes, with the layout of SEAL.md', () => {
    const decoded = decodeSeal(seal);
    expect(decoded).toMatchObject({ version: 1, ...fields });
    expect(Buffer.from(decoded.signedBytes).toString('hex')).toBe(
      '01' + // version
        '03' + // CompletionCertificate
        '69a40e20' + // 2026-03-01T10:00:00Z = 1772359200 s
        Buffer.from('1234567000Z').toString('hex') +
        '06' +
        Buffer.from('tehran').toString('hex') +
        fields.contentSha256 +
        fields.keyId,
    );
    expect(decoded.signature).toHaveLength(256);
    expect(seal).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('keeps the issue time to the whole second', () => {
    const withMillis = { ...fields, issuedAt: new Date('2026-03-01T10:00:00.999Z') };
    expect(decodeSeal(encodeSeal(withMillis, signer.keyPair.privateKeyPem)).issuedAt).toEqual(
      fields.issuedAt,
    );
  });

  it('verifies against the published certificate that its key id names', () => {
    const other = issueTestSigner(ca);
    const rotated = [{ certificatePem: other.certificatePem }, ...published];
    expect(verifySeal(seal, rotated, ca.certificatePem)).toEqual({ valid: true, fields });
  });

  it('refuses an unknown key, another CA, and a certificate not valid at the issue time', () => {
    const other = issueTestSigner(ca);
    expect(verifySeal(seal, [{ certificatePem: other.certificatePem }], ca.certificatePem)).toEqual({
      valid: false,
      fields,
      reason: `No published certificate has key id ${signer.keyId}`,
    });
    expect(verifySeal(seal, published, createTestCa().certificatePem)).toMatchObject({
      valid: false,
      reason: expect.stringMatching(/not issued by the CA/),
    });
    const late = encodeSeal(
      { ...fields, issuedAt: new Date('2030-06-01T00:00:00Z') },
      signer.keyPair.privateKeyPem,
    );
    expect(verifySeal(late, published, ca.certificatePem)).toMatchObject({
      valid: false,
      reason: expect.stringMatching(/not valid at 2030-06-01/),
    });
  });

  it('refuses a seal whose signed bytes or signature changed', () => {
    const changedDigest = reencoded((bytes) => {
      bytes[30]! ^= 0x01;
      return bytes;
    });
    expect(verifySeal(changedDigest, published, ca.certificatePem)).toMatchObject({
      valid: false,
      reason: 'The seal signature does not verify',
    });
    const shortSignature = reencoded((bytes) => bytes.subarray(0, bytes.length - 1));
    expect(verifySeal(shortSignature, published, ca.certificatePem).valid).toBe(false);
  });

  it.each<[string, (bytes: Buffer) => Buffer, string]>([
    [
      'an unknown version',
      (b) => Buffer.concat([Uint8Array.of(2), b.subarray(1)]),
      'SEAL.UNSUPPORTED_VERSION',
    ],
    [
      'an unknown kind',
      (b) => Buffer.concat([b.subarray(0, 1), Uint8Array.of(9), b.subarray(2)]),
      'SEAL.UNKNOWN_KIND',
    ],
    [
      'a wrong check symbol',
      (b) => Buffer.concat([b.subarray(0, 16), Buffer.from('Y'), b.subarray(17)]),
      'SEAL.INVALID_DOCUMENT_CODE',
    ],
    [
      'an empty municipality',
      (b) => Buffer.concat([b.subarray(0, 17), Uint8Array.of(0), b.subarray(18)]),
      'SEAL.INVALID_MUNICIPALITY',
    ],
    [
      'a municipality not UTF-8',
      (b) => Buffer.concat([b.subarray(0, 18), Uint8Array.of(0xff), b.subarray(19)]),
      'SEAL.INVALID_MUNICIPALITY',
    ],
    ['no signature', (b) => b.subarray(0, 18 + 6 + 32 + 8), 'SEAL.MALFORMED'],
    ['too few bytes', (b) => b.subarray(0, 20), 'SEAL.MALFORMED'],
  ])('refuses %s with a typed error', (_name, change, code) => {
    expect(sealErrorCode(reencoded(change))).toBe(code);
  });

  it.each([
    ['empty text', ''],
    ['padding', `${seal}=`],
    ['a base64 (not base64url) symbol', `${seal.slice(0, 10)}+${seal.slice(11)}`],
    ['a trailing space', `${seal} `],
    ['a foreign character', 'AB!C'],
    ['non-zero unused bits', `${seal.slice(0, -1)}${seal.endsWith('B') ? 'D' : 'B'}`],
  ])('refuses text that is not canonical base64url: %s', (_name, text) => {
    expect(sealErrorCode(text)).toBe('SEAL.MALFORMED');
    expect(verifySeal(text, published, ca.certificatePem)).toMatchObject({ valid: false });
  });

  it('refuses to encode with a key other than the one named, or invalid fields', () => {
    expect(() => encodeSeal(fields, generateRsaKeyPair().privateKeyPem)).toThrow(/not the key/);
    const key = signer.keyPair.privateKeyPem;
    expect(() => encodeSeal({ ...fields, code: '1234567000Y' }, key)).toThrow(SealError);
    expect(() => encodeSeal({ ...fields, municipality: 'm'.repeat(33) }, key)).toThrow(/1 to 32 bytes/);
    expect(() => encodeSeal({ ...fields, issuedAt: new Date(-1000) }, key)).toThrow(/1970 and 2106/);
    expect(() => encodeSeal({ ...fields, contentSha256: 'AB' }, key)).toThrow(/hex/);
    expect(() => encodeSeal({ ...fields, kind: 'Receipt' as SealFields['kind'] }, key)).toThrow(
      /Unknown kind/,
    );
  });

  it('seals the same text with a key parsed once, on or off the thread, and refuses one not named', async () => {
    const key = signingKeyFrom(signer.keyPair.privateKeyPem);
    expect(encodeSealWith(fields, key)).toBe(seal);
    await expect(encodeSealOffThread(fields, key)).resolves.toBe(seal);
    expect(() => encodeSealWith(fields, signingKeyFrom(generateRsaKeyPair().privateKeyPem))).toThrow(
      /not the key/,
    );
  });

  it('fits a QR code of version 20 at level M (666 bytes) with a 60-character public URL', () => {
    const largest = encodeSeal({ ...fields, municipality: 'm'.repeat(32) }, signer.keyPair.privateKeyPem);
    const publicUrl = `https://${'d'.repeat(41)}.example.ir`;
    expect(publicUrl).toHaveLength(60);
    const text = verificationQrText(publicUrl, fields.code, largest);
    expect(Buffer.byteLength(text, 'utf8')).toBeLessThanOrEqual(666);
  });

  it('builds and parses the QR text <url>/v/<code>#<seal>', () => {
    const text = verificationQrText('https://daftar.example.ir/', fields.code, seal);
    expect(text).toBe(`https://daftar.example.ir/v/1234567000Z#${seal}`);
    expect(parseVerificationQrText(text)).toEqual({
      publicUrl: 'https://daftar.example.ir',
      code: '1234567000Z',
      seal,
    });
    expect(parseVerificationQrText(`https://x.example/verify/1234567000Z#${seal}`)).toBeUndefined();
    expect(parseVerificationQrText('https://x.example/v/1234567000Z')).toBeUndefined();
    expect(parseVerificationQrText(`ftp://x.example/v/1234567000Z#${seal}`)).toBeUndefined();
    expect(parseVerificationQrText(`https://x.example/v/12345%E0#${seal}`)).toBeUndefined();
    expect(parseVerificationQrText(`https://x.example/v/12345%2D67000Z#${seal}`)?.code).toBe('12345-67000Z');
  });

  it('matches the worked example of SEAL.md', () => {
    const doc = readFileSync(join(__dirname, 'SEAL.md'), 'utf8');
    const publicKeyPem = /-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/.exec(doc)![0];
    const text = /As text[^\n]*\n\n((?: {4}\S+\n)+)/.exec(doc)![1]!.replace(/\s/g, '');
    const example = decodeSeal(text);
    expect(example).toMatchObject({
      version: 1,
      code: '1234567000Z',
      kind: 'BuildingPermit',
      issuedAt: new Date('2026-03-01T10:00:00Z'),
      municipality: 'hamedan',
      contentSha256: createHash('sha256')
        .update('{"code":"1234567000Z","kind":"BuildingPermit","municipality":"hamedan"}')
        .digest('hex'),
      keyId: 'c8a47c0f8666b962',
    });
    expect(example.signedBytes).toHaveLength(65);
    expect(verify('sha256', example.signedBytes, publicKeyPem, example.signature)).toBe(true);
  });
});
