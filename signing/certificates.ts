import {
  createHash,
  createPrivateKey,
  createPublicKey,
  sign,
  X509Certificate,
  type KeyObject,
} from 'node:crypto';
import forge from 'node-forge';
import { nodeRsaSigner, reEncodableName, utf8Field } from './forge-interop.js';

/** An RSA key pair as PEM: SPKI public key, PKCS#8 (or PKCS#1) private key. */
export interface PemKeyPair {
  readonly publicKeyPem: string;
  readonly privateKeyPem: string;
}

interface CertificateRequest {
  /** Positive, in hex: at most 20 bytes (RFC 5280 §4.1.2.2), first byte below 0x80. */
  readonly serialHex: string;
  readonly commonName: string;
  readonly organization: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
}

/** An RSA private key parsed once, to sign many documents without reading its PEM again. */
export interface SigningKey {
  readonly privateKey: KeyObject;
  /** See {@link publicKeyId}. */
  readonly keyId: string;
}

export interface CertificateDescription {
  /** First 16 hex characters of the SHA-256 of the certificate's DER SubjectPublicKeyInfo; see {@link publicKeyId}. */
  readonly keyId: string;
  /** Distinguished name as `CN=…, O=…`. */
  readonly subject: string;
  readonly issuer: string;
  /** Lower-case hex. */
  readonly serialHex: string;
  /** ISO 8601. */
  readonly notBefore: string;
  readonly notAfter: string;
}

/** The self-signed root of the municipality's document certificates. */
export function createRootCaCertificate(
  request: CertificateRequest & { readonly keyPair: PemKeyPair },
): string {
  const cert = certificateFor(request, request.keyPair.publicKeyPem);
  cert.setIssuer(cert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(
    nodeRsaSigner(signingKeyFrom(request.keyPair.privateKeyPem).privateKey),
    forge.md.sha256.create(),
  );
  return forge.pki.certificateToPem(cert);
}

/**
 * A document-signing certificate issued by the CA. Its extended key usage is emailProtection
 * because `openssl cms -verify` checks the S/MIME signing purpose by default, which refuses
 * codeSigning; digitalSignature and nonRepudiation mark it as signing the documents' content.
 */
export function issueSigningCertificate(
  request: CertificateRequest & {
    readonly caCertificatePem: string;
    readonly caPrivateKeyPem: string;
    readonly keyPair: Pick<PemKeyPair, 'publicKeyPem'>;
  },
): string {
  const ca = forge.pki.certificateFromPem(request.caCertificatePem);
  const caKey = signingKeyFrom(request.caPrivateKeyPem);
  if (caKey.keyId !== certificateKeyId(request.caCertificatePem)) {
    throw new Error('The CA private key does not belong to the CA certificate');
  }
  const cert = certificateFor(request, request.keyPair.publicKeyPem);
  cert.setIssuer(reEncodableName(ca.subject.attributes));
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'extKeyUsage', emailProtection: true },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: subjectKeyIdentifierOf(ca) },
  ]);
  cert.sign(nodeRsaSigner(caKey.privateKey), forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

export function describeCertificate(pem: string): CertificateDescription {
  const cert = new X509Certificate(pem);
  return {
    keyId: publicKeyId(cert.publicKey),
    subject: distinguishedName(cert.subject),
    issuer: distinguishedName(cert.issuer),
    serialHex: cert.serialNumber.toLowerCase(),
    notBefore: new Date(cert.validFrom).toISOString(),
    notAfter: new Date(cert.validTo).toISOString(),
  };
}

/**
 * The key id (شناسه کلید) that seals and signed documents name their key by: the first 16 hex
 * characters (8 bytes) of the SHA-256 of the public key's DER SubjectPublicKeyInfo. Unlike the
 * certificate's serial it survives re-issuing a certificate for the same key.
 */
export function publicKeyId(publicKey: KeyObject): string {
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('hex').slice(0, 16);
}

/** Parses an RSA private key (PKCS#8 or PKCS#1 PEM) and derives its key id. */
export function signingKeyFrom(privateKeyPem: string): SigningKey {
  const privateKey = createPrivateKey(privateKeyPem);
  if (privateKey.asymmetricKeyType !== 'rsa') {
    throw new Error(`Expected an RSA private key, got ${privateKey.asymmetricKeyType}`);
  }
  return { privateKey, keyId: publicKeyId(createPublicKey(privateKey)) };
}

/** The key id of the public key a PEM certificate carries. */
export function certificateKeyId(certificatePem: string): string {
  return publicKeyId(new X509Certificate(certificatePem).publicKey);
}

/**
 * Whether `certPem` was issued by the CA `caPem` (names, key identifiers and signature) and both
 * were within their validity at `at`. Throws on text that is not a certificate.
 */
export function verifyCertificateChain(certPem: string, caPem: string, at: Date): boolean {
  const cert = new X509Certificate(certPem);
  const ca = new X509Certificate(caPem);
  return ca.ca && cert.checkIssued(ca) && cert.verify(ca.publicKey) && validAt(cert, at) && validAt(ca, at);
}

/** The published certificate bundle: the CA first, then every signing certificate still published. */
export function certificateBundle(
  caCertificatePem: string,
  signingCertificatePems: readonly string[],
): string {
  return [caCertificatePem, ...signingCertificatePems].map((pem) => `${pem.trim()}\n`).join('');
}

/** The PEM certificates in a bundle, in order. */
export function splitPemCertificates(bundle: string): string[] {
  return bundle.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}

function certificateFor(request: CertificateRequest, publicKeyPem: string): forge.pki.Certificate {
  if (!/^(?:[0-7][0-9a-f])(?:[0-9a-f]{2}){0,19}$/i.test(request.serialHex)) {
    throw new Error(`Serial ${request.serialHex} must be 1 to 20 bytes of hex with the first byte below 80`);
  }
  if (!(request.notBefore < request.notAfter)) throw new Error('notBefore must be before notAfter');
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKeyPem);
  cert.serialNumber = request.serialHex.toLowerCase();
  cert.validity.notBefore = request.notBefore;
  cert.validity.notAfter = request.notAfter;
  cert.setSubject([utf8Field('CN', request.commonName), utf8Field('O', request.organization)]);
  return cert;
}

function subjectKeyIdentifierOf(cert: forge.pki.Certificate): string {
  const extension = cert.getExtension('subjectKeyIdentifier') as
    { subjectKeyIdentifier?: string } | undefined;
  return extension?.subjectKeyIdentifier
    ? forge.util.hexToBytes(extension.subjectKeyIdentifier)
    : cert.generateSubjectKeyIdentifier().getBytes();
}

function distinguishedName(multiline: string): string {
  return multiline.split('\n').join(', ');
}

function validAt(cert: X509Certificate, at: Date): boolean {
  const time = at.getTime();
  return Date.parse(cert.validFrom) <= time && time <= Date.parse(cert.validTo);
}

/**
 * RSASSA-PKCS1-v1_5 with SHA-256, computed on libuv's thread pool: the private-key operation is most
 * of a document's signing cost, and the event loop serves other requests meanwhile.
 */
export function rsaSha256OffThread(data: Uint8Array, key: KeyObject): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    sign('sha256', data, key, (error, signature) => (error ? reject(error) : resolve(signature))),
  );
}
