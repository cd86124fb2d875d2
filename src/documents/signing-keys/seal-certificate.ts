// @peculiar/x509 resolves its services through tsyringe, which needs the Reflect metadata polyfill.
import 'reflect-metadata';
import { createPrivateKey, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

const RSA_SHA256 = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;
// Node's WebCrypto, as the WebCrypto type the library declares (the DOM's, absent from our lib).
const crypto = webcrypto as unknown as Parameters<typeof x509.X509CertificateGenerator.create>[1] &
  typeof webcrypto;

/**
 * A certificate for the ECDSA P-256 key that signs seals, issued by the document CA (RSA). node-forge
 * only makes RSA certificates, so this one is made with @peculiar/x509 on WebCrypto.
 */
export async function issueSealCertificate(request: {
  readonly caCertificatePem: string;
  readonly caPrivateKeyPem: string;
  /** SPKI PEM of the P-256 key. */
  readonly publicKeyPem: string;
  /** Positive, in hex, first byte below 0x80. */
  readonly serialHex: string;
  readonly commonName: string;
  readonly organization: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
}): Promise<string> {
  const ca = new x509.X509Certificate(request.caCertificatePem);
  const caKeyId = ca.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId;
  const pkcs8 = createPrivateKey(request.caPrivateKeyPem).export({ type: 'pkcs8', format: 'der' });
  const signingKey = await crypto.subtle.importKey('pkcs8', pkcs8, RSA_SHA256, false, ['sign']);
  const publicKey = new x509.PublicKey(request.publicKeyPem);
  const certificate = await x509.X509CertificateGenerator.create(
    {
      serialNumber: request.serialHex,
      subject: [{ CN: [request.commonName] }, { O: [request.organization] }],
      issuer: ca.subjectName,
      notBefore: request.notBefore,
      notAfter: request.notAfter,
      signingAlgorithm: RSA_SHA256,
      publicKey,
      signingKey,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        await x509.SubjectKeyIdentifierExtension.create(publicKey, false, crypto),
        ...(caKeyId ? [new x509.AuthorityKeyIdentifierExtension(caKeyId)] : []),
      ],
    },
    crypto,
  );
  return certificate.toString('pem');
}
