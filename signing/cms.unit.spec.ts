import forge from 'node-forge';
import { createTestCa, issueTestSigner } from '../test/support/test-pki.js';
import {
  prepareCmsSigner,
  signDetached,
  signDetachedOffThread,
  signDetachedWith,
  verifyDetached,
} from './cms.js';

const ca = createTestCa();
const signer = issueTestSigner(ca);
const signingTime = new Date('2026-03-01T10:00:00.750Z');
const content = new TextEncoder().encode('{"code":"1234567000Z","kind":"BuildingPermit","owner":"مریم"}');

function sign(overrides: { content?: Uint8Array; caCertificatePem?: string } = {}): Uint8Array {
  return signDetached({
    content: overrides.content ?? content,
    certificatePem: signer.certificatePem,
    privateKeyPem: signer.keyPair.privateKeyPem,
    signingTime,
    ...(overrides.caCertificatePem ? { caCertificatePem: overrides.caCertificatePem } : {}),
  });
}

function withByteChanged(bytes: Uint8Array, index: number): Uint8Array {
  const copy = Uint8Array.from(bytes);
  copy[index]! ^= 0x01;
  return copy;
}

describe('CMS detached signatures', () => {
  const signature = sign({ caCertificatePem: ca.certificatePem });

  it('verifies, naming the signer key and the signed signing time', () => {
    expect(verifyDetached({ signatureDer: signature, content, caCertificatePem: ca.certificatePem })).toEqual(
      {
        valid: true,
        signerKeyId: signer.keyId,
        signingTime: '2026-03-01T10:00:00.000Z',
      },
    );
  });

  it('is detached, deterministic, and carries the CA certificate only when asked', () => {
    const message = (der: Uint8Array) =>
      forge.pkcs7.messageFromAsn1(forge.asn1.fromDer(Buffer.from(der).toString('binary'))) as unknown as {
        certificates: unknown[];
        rawCapture: { content?: unknown };
      };
    expect(message(signature).certificates).toHaveLength(2);
    expect(message(sign()).certificates).toHaveLength(1);
    expect(message(signature).rawCapture.content).toBeUndefined();
    expect(Buffer.from(sign()).equals(Buffer.from(sign()))).toBe(true);
  });

  it('signs the same bytes with a signer prepared once, on or off the thread, for any content and time', async () => {
    const prepared = prepareCmsSigner({
      certificatePem: signer.certificatePem,
      privateKeyPem: signer.keyPair.privateKeyPem,
      caCertificatePem: ca.certificatePem,
    });
    expect(prepared.keyId).toBe(signer.keyId);
    expect(Buffer.from(signDetachedWith(prepared, { content, signingTime })).equals(signature)).toBe(true);
    const offThread = await signDetachedOffThread(prepared, { content, signingTime });
    expect(Buffer.from(offThread).equals(signature)).toBe(true);
    const other = new TextEncoder().encode('{"code":"9876543210Z"}');
    const late = new Date('2051-06-01T00:00:00Z'); // GeneralizedTime, and after the certificate expired
    const again = signDetachedWith(prepared, { content: other, signingTime: late });
    expect(
      verifyDetached({
        signatureDer: again,
        content: other,
        caCertificatePem: ca.certificatePem,
        at: signingTime,
      }),
    ).toEqual({ valid: true, signerKeyId: signer.keyId, signingTime: '2051-06-01T00:00:00.000Z' });
  });

  it("refuses to prepare a key that is not the certificate's", () => {
    expect(() =>
      prepareCmsSigner({
        certificatePem: signer.certificatePem,
        privateKeyPem: ca.keyPair.privateKeyPem,
      }),
    ).toThrow(/does not belong to the signing certificate/);
  });

  it('refuses changed content', () => {
    const changed = withByteChanged(content, 5);
    expect(
      verifyDetached({ signatureDer: signature, content: changed, caCertificatePem: ca.certificatePem }),
    ).toEqual({
      valid: false,
      signerKeyId: signer.keyId,
      signingTime: '2026-03-01T10:00:00.000Z',
      reason: 'The content does not match the signed digest',
    });
  });

  it('refuses a changed signature or a changed signed attribute', () => {
    const lastByte = withByteChanged(signature, signature.length - 1);
    expect(
      verifyDetached({ signatureDer: lastByte, content, caCertificatePem: ca.certificatePem }).reason,
    ).toMatch(/RSA signature/);
    const time = Buffer.from(signature).indexOf('260301100000Z');
    expect(time).toBeGreaterThan(0);
    const laterTime = withByteChanged(signature, time + 9); // 10:01:00
    expect(
      verifyDetached({ signatureDer: laterTime, content, caCertificatePem: ca.certificatePem }),
    ).toMatchObject({
      valid: false,
      signingTime: '2026-03-01T10:01:00.000Z',
      reason: expect.stringMatching(/RSA signature/),
    });
  });

  it('refuses another CA and a time outside the certificate validity', () => {
    const other = createTestCa();
    expect(
      verifyDetached({ signatureDer: signature, content, caCertificatePem: other.certificatePem }),
    ).toMatchObject({
      valid: false,
      reason: expect.stringMatching(/does not chain to the CA/),
    });
    expect(
      verifyDetached({
        signatureDer: signature,
        content,
        caCertificatePem: ca.certificatePem,
        at: new Date('2031-01-01T00:00:00Z'),
      }),
    ).toMatchObject({ valid: false, reason: expect.stringMatching(/not valid at 2031-01-01/) });
  });

  it('refuses what is not a CMS SignedData', () => {
    for (const bytes of [new Uint8Array(0), Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x01), content]) {
      expect(
        verifyDetached({ signatureDer: bytes, content, caCertificatePem: ca.certificatePem }),
      ).toMatchObject({
        valid: false,
        reason: expect.stringMatching(/^Not a CMS SignedData/),
      });
    }
  });
});
