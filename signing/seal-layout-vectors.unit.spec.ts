import { createHash, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { createTestCa, issueTestSealer, issueTestSigner } from '../test/support/test-pki.js';
import { encodeSeal, verifySeal } from './seal.js';
import { encodeSealV2, sealKeyFrom } from './seal-v2.js';

// The bytes of SEAL.md's tables written out here field by field, none of them taken from the encoder.
const hex = (text: string) => Buffer.from(text.replace(/\s/g, ''), 'hex');
// printf '%s' '{"code":"HAMEDAN123J","kind":"InquiryAnswer","municipality":"hamedan"}' | openssl dgst -sha256
const CONTENT_SHA256 = '29826318a1462d43aa9ea69743aa3089813cf2abbd29496bced364d32f02313c';
/** SEAL.md: the first 8 bytes of SHA-256 of the key's DER SubjectPublicKeyInfo. */
const keyIdOf = (privateKeyPem: string) =>
  createHash('sha256')
    .update(createPublicKey(createPrivateKey(privateKeyPem)).export({ type: 'spki', format: 'der' }))
    .digest()
    .subarray(0, 8);
const fields = {
  code: 'HAMEDAN123J',
  kind: 'InquiryAnswer',
  issuedAt: new Date('2026-03-01T10:00:00Z'),
  municipality: 'hamedan',
  contentSha256: CONTENT_SHA256,
} as const;

const ca = createTestCa();
const signer = issueTestSigner(ca);

describe('seal byte layout: known answers', () => {
  const keyId = keyIdOf(signer.keyPair.privateKeyPem);
  const formatOne = Buffer.concat([
    hex('01'), // version 1
    hex('04'), // kind 4, InquiryAnswer
    hex('69a40e20'), // issuedAt 1772359200 s = 2026-03-01T10:00:00Z
    hex('48414d4544414e3132334a'), // code "HAMEDAN123J" in ASCII
    hex('07 68616d6564616e'), // n = 7, "hamedan"
    hex(CONTENT_SHA256),
    keyId,
  ]);

  it('format 1: the signed bytes in the order of SEAL.md, then RSASSA-PKCS1-v1_5 SHA-256 over them', () => {
    const seal = Buffer.from(
      encodeSeal({ ...fields, keyId: keyId.toString('hex') }, signer.keyPair.privateKeyPem),
      'base64url',
    );
    expect(seal).toEqual(Buffer.concat([formatOne, sign('sha256', formatOne, signer.keyPair.privateKeyPem)]));
  });

  it('format 1: a seal made by hand verifies against the published certificate', () => {
    const byHand = Buffer.concat([formatOne, sign('sha256', formatOne, signer.keyPair.privateKeyPem)]);
    const published = [{ certificatePem: signer.certificatePem }];
    expect(verifySeal(byHand.toString('base64url'), published, ca.certificatePem)).toMatchObject({
      valid: true,
      fields: { ...fields, keyId: keyId.toString('hex') },
    });
  });

  it('format 2: the signed bytes in the order of SEAL.md, then ECDSA P-256 r ‖ s over them; one made by hand verifies', async () => {
    const sealer = await issueTestSealer(ca);
    const sealKeyId = keyIdOf(sealer.privateKeyPem);
    const formatTwo = Buffer.concat([
      hex('02'), // version 2
      hex('04'), // kind 4, InquiryAnswer
      hex('48414d4544414e3132334a'), // code "HAMEDAN123J"
      hex('69a40e20'), // issuedAt 2026-03-01T10:00:00Z
      hex('00000000'), // expiresAt 0: does not expire
      hex('02'), // result 2, blocked
      hex('07 68616d6564616e'), // m = 7, "hamedan"
      hex('0d 312d312d312d312d302d302d30'), // r = 13, "1-1-1-1-0-0-0"
      hex('02'), // h = 2 holders
      hex('0b d8b22a2a2a20d8a72a2a2a'), // 11 bytes, "ز*** ا***"
      hex('0b d9852a2a2a20d8b12a2a2a'), // 11 bytes, "م*** ر***"
      hex('0003'), // moreHolders 3
      hex(CONTENT_SHA256),
      sealKeyId,
    ]);
    const seal = Buffer.from(
      encodeSealV2(
        {
          ...fields,
          result: 'blocked',
          renewalCode: '1-1-1-1-0-0-0',
          holders: ['ز*** ا***', 'م*** ر***'],
          moreHolders: 3,
          keyId: sealKeyId.toString('hex'),
        },
        sealKeyFrom(sealer.privateKeyPem),
      ),
      'base64url',
    );
    expect(seal.subarray(0, -64)).toEqual(formatTwo);
    const signature = seal.subarray(-64);
    const publicKey = { key: createPublicKey(sealer.privateKeyPem), dsaEncoding: 'ieee-p1363' } as const;
    expect(verify('sha256', formatTwo, publicKey, signature)).toBe(true);

    const byHand = Buffer.concat([
      formatTwo,
      sign('sha256', formatTwo, { key: sealer.privateKeyPem, dsaEncoding: 'ieee-p1363' }),
    ]);
    const published = [{ certificatePem: sealer.certificatePem }];
    expect(verifySeal(byHand.toString('base64url'), published, ca.certificatePem)).toMatchObject({
      valid: true,
      fields: { ...fields, result: 'blocked', holders: ['ز*** ا***', 'م*** ر***'], moreHolders: 3 },
    });
  });
});
