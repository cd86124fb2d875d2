import { createHash, generateKeyPairSync, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { createTestCa, generateRsaKeyPair, issueTestSigner, PKI_START } from '../test/support/test-pki.js';
import {
  certificateBundle,
  createRootCaCertificate,
  describeCertificate,
  issueSigningCertificate,
  certificateKeyId,
  publicKeyId,
  signingKeyFrom,
  splitPemCertificates,
  verifyCertificateChain,
} from './certificates.js';

const ca = createTestCa();
const signer = issueTestSigner(ca);
const at = new Date('2026-03-01T10:00:00Z');

describe('certificates', () => {
  it('makes a self-signed CA with a Persian name, CA constraints and a subject key identifier', () => {
    const cert = new X509Certificate(ca.certificatePem);
    expect(cert.ca).toBe(true);
    expect(cert.subject).toBe(cert.issuer);
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(describeCertificate(ca.certificatePem)).toMatchObject({
      subject: 'CN=مرکز صدور گواهی شهرداری نمونه, O=شهرداری نمونه',
      notBefore: '2025-01-01T00:00:00.000Z',
      notAfter: '2045-01-01T00:00:00.000Z',
    });
    const extensions = forge.pki.certificateFromPem(ca.certificatePem);
    expect(extensions.getExtension('basicConstraints')).toMatchObject({ cA: true, critical: true });
    expect(extensions.getExtension('keyUsage')).toMatchObject({
      keyCertSign: true,
      cRLSign: true,
      critical: true,
    });
    expect(extensions.getExtension('subjectKeyIdentifier')).toBeDefined();
  });

  it('issues a signing certificate for S/MIME signing that chains to the CA', () => {
    const cert = new X509Certificate(signer.certificatePem);
    expect(cert.ca).toBe(false);
    expect(cert.keyUsage).toEqual(['1.3.6.1.5.5.7.3.4']); // extended key usage emailProtection
    const extensions = forge.pki.certificateFromPem(signer.certificatePem);
    expect(extensions.getExtension('keyUsage')).toMatchObject({
      digitalSignature: true,
      nonRepudiation: true,
    });
    expect(extensions.getExtension('keyUsage')).not.toMatchObject({ keyCertSign: true });
    const caKeyId = forge.pki.certificateFromPem(ca.certificatePem).getExtension('subjectKeyIdentifier') as {
      subjectKeyIdentifier: string;
    };
    const authorityKeyId = extensions.getExtension('authorityKeyIdentifier') as { value: string };
    expect(forge.util.bytesToHex(authorityKeyId.value)).toContain(caKeyId.subjectKeyIdentifier);
    expect(cert.checkIssued(new X509Certificate(ca.certificatePem))).toBe(true);
    expect(describeCertificate(signer.certificatePem).issuer).toBe(
      describeCertificate(ca.certificatePem).subject,
    );
    expect(verifyCertificateChain(signer.certificatePem, ca.certificatePem, at)).toBe(true);
  });

  it('describes a certificate with a key id of the SHA-256 of its SubjectPublicKeyInfo', () => {
    const cert = new X509Certificate(signer.certificatePem);
    const spki = cert.publicKey.export({ type: 'spki', format: 'der' });
    const description = describeCertificate(signer.certificatePem);
    expect(description.keyId).toBe(createHash('sha256').update(spki).digest('hex').slice(0, 16));
    expect(description.keyId).toBe(publicKeyId(cert.publicKey));
    expect(description.serialHex).toBe(cert.serialNumber.toLowerCase());
    expect(description).toMatchObject({
      subject: 'CN=امضای اسناد شهرداری نمونه, O=شهرداری نمونه',
      notBefore: '2025-01-01T00:00:00.000Z',
      notAfter: '2030-01-01T00:00:00.000Z',
    });
  });

  it('parses a signing key once, naming it by the key id of its certificate', () => {
    const key = signingKeyFrom(signer.keyPair.privateKeyPem);
    expect(key.keyId).toBe(signer.keyId);
    expect(certificateKeyId(signer.certificatePem)).toBe(signer.keyId);
    expect(key.privateKey.type).toBe('private');
    const ecKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    expect(() => signingKeyFrom(ecKey.export({ type: 'pkcs8', format: 'pem' }).toString())).toThrow(
      /Expected an RSA private key, got ec/,
    );
  });

  it('refuses a chain outside either validity window or to another CA', () => {
    expect(
      verifyCertificateChain(signer.certificatePem, ca.certificatePem, new Date('2024-12-31T23:59:59Z')),
    ).toBe(false);
    expect(
      verifyCertificateChain(signer.certificatePem, ca.certificatePem, new Date('2030-01-01T00:00:01Z')),
    ).toBe(false);
    const other = createTestCa();
    expect(verifyCertificateChain(signer.certificatePem, other.certificatePem, at)).toBe(false);
    // A CA of the same name but another key: names match, the signature does not.
    const impostor = createTestCa('مرکز صدور گواهی شهرداری نمونه');
    expect(verifyCertificateChain(signer.certificatePem, impostor.certificatePem, at)).toBe(false);
    // A signing certificate is no CA.
    expect(verifyCertificateChain(signer.certificatePem, signer.certificatePem, at)).toBe(false);
  });

  it('refuses a CA private key that does not belong to the CA certificate', () => {
    expect(() =>
      issueSigningCertificate({
        caCertificatePem: ca.certificatePem,
        caPrivateKeyPem: generateRsaKeyPair().privateKeyPem,
        keyPair: generateRsaKeyPair(),
        serialHex: '02',
        commonName: 'x',
        organization: 'y',
        notBefore: PKI_START,
        notAfter: at,
      }),
    ).toThrow(/does not belong/);
  });

  it.each(['', '8001', 'xyz', '0'.repeat(42)])('refuses the serial %p', (serialHex) => {
    expect(() =>
      createRootCaCertificate({
        keyPair: ca.keyPair,
        serialHex,
        commonName: 'x',
        organization: 'y',
        notBefore: PKI_START,
        notAfter: at,
      }),
    ).toThrow(/Serial/);
  });

  it('bundles the CA first and splits a bundle back in order', () => {
    const bundle = certificateBundle(ca.certificatePem, [signer.certificatePem]);
    expect(splitPemCertificates(bundle).map((pem) => describeCertificate(pem).keyId)).toEqual([
      describeCertificate(ca.certificatePem).keyId,
      signer.keyId,
    ]);
    expect(splitPemCertificates('nothing here')).toEqual([]);
  });
});
