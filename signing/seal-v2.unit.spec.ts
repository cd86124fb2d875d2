import { createHash, createPrivateKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestCa, issueTestSealer, issueTestSigner, type TestSealer } from '../test/support/test-pki.js';
import { decodeSeal, SealError, verifySeal } from './seal.js';
import { decodeSealV2, encodeSealV2, sealKeyFrom, verifySealV2, type SealV2Fields } from './seal-v2.js';

// The throwaway key of the worked example in SEAL.md: never a deployment's.
const EXAMPLE_KEY_PEM = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgoJ2oqd2tG93Nelx6
iwEKI9gCSP97YYaBKhIX+3NXtmWhRANCAASBc2XxtmTONyax+J1McaQR1ZAZMvLa
O4qRQmSlrlkb8YlSD3I1gtZFC4rRajG3IUgaq5Y/PXNnXhFfdefHwfj0
-----END PRIVATE KEY-----
`;
const exampleKey = sealKeyFrom(EXAMPLE_KEY_PEM);
const example: SealV2Fields = {
  code: '1234567000Z',
  kind: 'BuildingPermit',
  issuedAt: new Date('2026-03-01T10:00:00Z'),
  expiresAt: new Date('2029-03-01T10:00:00Z'),
  municipality: 'hamedan',
  renewalCode: '1-1-1-1-0-0-0',
  holders: ['ز*** ا***'],
  contentSha256: createHash('sha256')
    .update('{"code":"1234567000Z","kind":"BuildingPermit","municipality":"hamedan"}')
    .digest('hex'),
  keyId: exampleKey.keyId,
};

const ca = createTestCa();
const signer = issueTestSigner(ca);
let sealer: TestSealer;
let fields: SealV2Fields;
let seal: string;
let published: { certificatePem: string }[];

beforeAll(async () => {
  sealer = await issueTestSealer(ca);
  published = [{ certificatePem: signer.certificatePem }, { certificatePem: sealer.certificatePem }];
  fields = { ...example, keyId: sealer.keyId };
  seal = encodeSealV2(fields, sealKeyFrom(sealer.privateKeyPem));
});

const reencoded = (change: (bytes: Buffer) => Buffer) =>
  change(Buffer.from(seal, 'base64url')).toString('base64url');

/** The offset of the holders' count in `seal`: 22 fixed bytes, then "hamedan" and the renewal code. */
const HOLDERS_AT = 22 + 1 + 7 + 1 + 13;

function sealErrorCode(text: string): string | undefined {
  try {
    decodeSealV2(text);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(SealError);
    return (error as SealError).code;
  }
}

describe('seals of format 2', () => {
  it('decodes what it encodes, with the layout of SEAL.md', () => {
    const decoded = decodeSealV2(seal);
    expect(decoded).toMatchObject({ version: 2, ...fields });
    expect(Buffer.from(decoded.signedBytes).toString('hex')).toBe(
      '02' + // version
        '01' + // BuildingPermit
        Buffer.from('1234567000Z').toString('hex') +
        '69a40e20' + // issuedAt 2026-03-01T10:00:00Z
        '6f48fa20' + // expiresAt 2029-03-01T10:00:00Z
        '00' + // no result
        '07' +
        Buffer.from('hamedan').toString('hex') +
        '0d' +
        Buffer.from('1-1-1-1-0-0-0').toString('hex') +
        '01' + // one holder
        '0b' +
        Buffer.from('ز*** ا***').toString('hex') +
        '0000' + // no more holders
        fields.contentSha256 +
        fields.keyId,
    );
    expect(decoded.signature).toHaveLength(64);
  });

  it('leaves out the facts a document does not have, and carries an inquiry answer’s result', () => {
    const { renewalCode: _r, expiresAt: _e, ...bare } = fields;
    const key = sealKeyFrom(sealer.privateKeyPem);
    const decoded = decodeSealV2(encodeSealV2({ ...bare, holders: [] }, key));
    expect(decoded).not.toHaveProperty('renewalCode');
    expect(decoded).not.toHaveProperty('expiresAt');
    expect(decoded).not.toHaveProperty('result');
    expect(decoded.holders).toEqual([]);
    for (const result of ['cleared', 'blocked'] as const) {
      const answer = { ...bare, kind: 'InquiryAnswer' as const, result };
      expect(decodeSealV2(encodeSealV2(answer, key))).toMatchObject(answer);
    }
  });

  it('counts the holders it does not name', () => {
    const key = sealKeyFrom(sealer.privateKeyPem);
    const many = { ...fields, moreHolders: 36 };
    const text = encodeSealV2(many, key);
    expect(decodeSealV2(text)).toMatchObject(many);
    expect(Buffer.from(text, 'base64url').readUInt16BE(HOLDERS_AT + 13)).toBe(36);
    expect(decodeSealV2(encodeSealV2({ ...fields, moreHolders: 0 }, key))).not.toHaveProperty('moreHolders');
  });

  it('verifies against the P-256 certificate its key id names, through verifySeal too', () => {
    expect(verifySealV2(seal, published, ca.certificatePem)).toEqual({ valid: true, fields });
    expect(verifySeal(seal, published, ca.certificatePem)).toEqual({ valid: true, fields });
  });

  it('refuses a changed fact, digest or signature', () => {
    const changes: ((bytes: Buffer) => void)[] = [
      (b) => (b[HOLDERS_AT + 2]! ^= 0x01), // another holder's initial
      (b) => (b[24 + 7 + 4]! ^= 0x01), // another renewal code, 1-1-0-1-0-0-0
      (b) => (b[HOLDERS_AT + 13]! ^= 0x01), // another count of further holders
      (b) => (b[20]! ^= 0x01), // another expiry
      (b) => (b[b.length - 64 - 8 - 1]! ^= 0x01), // another digest
      (b) => (b[b.length - 1]! ^= 0x01), // another signature
    ];
    for (const change of changes) {
      const text = reencoded((bytes) => {
        change(bytes);
        return bytes;
      });
      expect(verifySealV2(text, published, ca.certificatePem)).toMatchObject({
        valid: false,
        reason: 'The seal signature does not verify',
      });
    }
  });

  it('refuses an unknown key, another CA, a certificate not valid then, and an RSA key', async () => {
    const elsewhere = createTestCa();
    const foreign = await issueTestSealer(elsewhere);
    expect(verifySealV2(seal, [{ certificatePem: foreign.certificatePem }], ca.certificatePem).reason).toBe(
      `No published certificate has key id ${sealer.keyId}`,
    );
    expect(verifySealV2(seal, published, elsewhere.certificatePem).reason).toMatch(/not issued by the CA/);
    const expired = await issueTestSealer(ca, { notAfter: new Date('2026-01-01T00:00:00Z') });
    const late = encodeSealV2({ ...fields, keyId: expired.keyId }, sealKeyFrom(expired.privateKeyPem));
    expect(
      verifySealV2(late, [{ certificatePem: expired.certificatePem }], ca.certificatePem).reason,
    ).toMatch(/not valid at 2026-03-01T10:00:00.000Z/);
    // A P-256 signature under the key id of the RSA document-signing certificate.
    const confused = encodeSealV2(
      { ...fields, keyId: signer.keyId },
      { privateKey: createPrivateKey(sealer.privateKeyPem), keyId: signer.keyId },
    );
    expect(verifySealV2(confused, published, ca.certificatePem).reason).toMatch(/not of the kind/);
  });

  it.each<[string, (bytes: Buffer) => Buffer, string]>([
    ['format 1', (b) => Buffer.concat([Uint8Array.of(1), b.subarray(1)]), 'SEAL.UNSUPPORTED_VERSION'],
    [
      'an unknown kind',
      (b) => Buffer.concat([b.subarray(0, 1), Uint8Array.of(6), b.subarray(2)]),
      'SEAL.UNKNOWN_KIND',
    ],
    [
      'an unknown result',
      (b) => Buffer.concat([b.subarray(0, 21), Uint8Array.of(3), b.subarray(22)]),
      'SEAL.INVALID_FACTS',
    ],
    [
      'a result on a permit',
      (b) => Buffer.concat([b.subarray(0, 21), Uint8Array.of(1), b.subarray(22)]),
      'SEAL.INVALID_FACTS',
    ],
    [
      'an expiry before the issue',
      (b) => Buffer.concat([b.subarray(0, 17), Buffer.from('00000001', 'hex'), b.subarray(21)]),
      'SEAL.INVALID_FACTS',
    ],
    [
      'a holder not UTF-8',
      (b) => Buffer.concat([b.subarray(0, HOLDERS_AT + 2), Uint8Array.of(0xff), b.subarray(HOLDERS_AT + 3)]),
      'SEAL.INVALID_FACTS',
    ],
    [
      'an empty holder',
      (b) => Buffer.concat([b.subarray(0, HOLDERS_AT + 1), Uint8Array.of(0), b.subarray(HOLDERS_AT + 13)]),
      'SEAL.INVALID_FACTS',
    ],
    [
      'a holder with a newline',
      (b) => Buffer.concat([b.subarray(0, HOLDERS_AT + 7), Uint8Array.of(0x0a), b.subarray(HOLDERS_AT + 8)]),
      'SEAL.INVALID_FACTS',
    ],
    [
      'a holder with an escape sequence',
      (b) =>
        Buffer.concat([b.subarray(0, HOLDERS_AT + 4), Buffer.from('\x1b[8m'), b.subarray(HOLDERS_AT + 8)]),
      'SEAL.INVALID_FACTS',
    ],
    [
      'a holder with a right-to-left override',
      (b) =>
        Buffer.concat([b.subarray(0, HOLDERS_AT + 4), Buffer.from('\u202e'), b.subarray(HOLDERS_AT + 7)]),
      'SEAL.INVALID_FACTS',
    ],
    [
      'a holder with a C1 control',
      (b) =>
        Buffer.concat([b.subarray(0, HOLDERS_AT + 4), Buffer.from('\u009b*'), b.subarray(HOLDERS_AT + 7)]),
      'SEAL.INVALID_FACTS',
    ],
    [
      'a municipality with an escape',
      (b) => Buffer.concat([b.subarray(0, 23), Uint8Array.of(0x1b), b.subarray(24)]),
      'SEAL.INVALID_MUNICIPALITY',
    ],
    [
      'a renewal code with a newline',
      (b) => Buffer.concat([b.subarray(0, 32), Uint8Array.of(0x0a), b.subarray(33)]),
      'SEAL.INVALID_FACTS',
    ],
    [
      'a renewal code of six integers',
      (b) => Buffer.concat([b.subarray(0, 30), Uint8Array.of(11), b.subarray(31, 42), b.subarray(44)]),
      'SEAL.INVALID_FACTS',
    ],
    [
      'a holder count beyond the bytes',
      (b) => Buffer.concat([b.subarray(0, HOLDERS_AT), Uint8Array.of(200), b.subarray(HOLDERS_AT + 1)]),
      'SEAL.MALFORMED',
    ],
    ['a signature one byte short', (b) => b.subarray(0, b.length - 1), 'SEAL.MALFORMED'],
    ['a byte after the signature', (b) => Buffer.concat([b, Uint8Array.of(0)]), 'SEAL.MALFORMED'],
    ['no signature', (b) => b.subarray(0, b.length - 64), 'SEAL.MALFORMED'],
  ])('refuses %s with a typed error', (_name, change, code) => {
    const text = reencoded(change);
    expect(sealErrorCode(text)).toBe(code);
    expect(verifySeal(text, published, ca.certificatePem)).toMatchObject({ valid: false });
  });

  it('is not read as format 1, nor format 1 as format 2', () => {
    expect(() => decodeSeal(seal)).toThrow(/Seal format 2 is not known/);
  });

  it('refuses to encode invalid facts or with a key other than the one named', () => {
    const key = sealKeyFrom(sealer.privateKeyPem);
    const refused = (change: Partial<SealV2Fields>) => () => encodeSealV2({ ...fields, ...change }, key);
    expect(refused({ result: 'cleared' })).toThrow(/only an inquiry answer/);
    expect(refused({ kind: 'InquiryAnswer' })).toThrow(/carries its result/);
    expect(refused({ expiresAt: fields.issuedAt })).toThrow(/expires after/);
    expect(refused({ renewalCode: '' })).toThrow(/renewal code/);
    expect(refused({ renewalCode: 'x\nVALID' })).toThrow(/renewal code/);
    expect(refused({ renewalCode: '1-1-1-1-0-0' })).toThrow(/renewal code/);
    expect(refused({ renewalCode: '1-1-1-1-0-0-0\u202e' })).toThrow(/renewal code/);
    for (const holder of [
      'x\n  ok    seal: signed',
      'x\nVALID\n\x1b[8m',
      'x\u202ey',
      'x\u2066',
      'x\x7f',
      'x\u200f',
    ])
      expect(refused({ holders: [holder] })).toThrow(/control characters/);
    expect(refused({ municipality: 'hamedan\x1b[8m' })).toThrow(/control characters/);
    expect(refused({ moreHolders: 0x10000 })).toThrow(/further holders/);
    expect(refused({ moreHolders: 1.5 })).toThrow(/further holders/);
    expect(refused({ holders: [''] })).toThrow(/masked name/);
    expect(refused({ holders: ['x'.repeat(65)] })).toThrow(/masked name/);
    expect(refused({ holders: Array.from({ length: 33 }, () => 'x***') })).toThrow(/at most 32/);
    expect(refused({ keyId: exampleKey.keyId })).toThrow(/not the key/);
    expect(() => sealKeyFrom(signer.keyPair.privateKeyPem)).toThrow(/P-256/);
  });

  it('matches the worked example of SEAL.md, made with the fixed key above', () => {
    const doc = readFileSync(join(__dirname, 'SEAL.md'), 'utf8');
    const section = doc.slice(doc.indexOf('# The document seal, format 2'));
    const publicKeyPem = /-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/.exec(section)![0];
    const text = /As text[^\n]*\n\n((?: {4}\S+\n)+)/.exec(section)![1]!.replace(/\s/g, '');
    const decoded = decodeSealV2(text);
    expect(decoded).toMatchObject({ version: 2, ...example });
    // ECDSA signatures are randomised: the example's bytes up to the signature are what we encode today.
    const ours = decodeSealV2(encodeSealV2(example, exampleKey));
    expect(Buffer.from(decoded.signedBytes)).toEqual(Buffer.from(ours.signedBytes));
    const signed = { key: publicKeyPem, dsaEncoding: 'ieee-p1363' } as const;
    expect(verify('sha256', decoded.signedBytes, signed, decoded.signature)).toBe(true);
    const hexDump = /The seal's \d+ bytes:\n\n```\n([\s\S]+?)```/.exec(section)![1]!;
    const dumped = hexDump
      .split('\n')
      .map((line) => line.slice(0, 50).replace(/\s/g, ''))
      .join('');
    expect(dumped).toBe(Buffer.from(text, 'base64url').toString('hex'));
  });
});
