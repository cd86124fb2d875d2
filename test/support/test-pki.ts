import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createRootCaCertificate,
  describeCertificate,
  issueSigningCertificate,
  type PemKeyPair,
} from '../../signing/certificates.js';
import { issueSealCertificate } from '../../src/documents/signing-keys/seal-certificate.js';
import { generateSealKeyPair } from '../../src/documents/signing-keys/seal-key.js';
import { generateRsaKeyPair, randomSerialHex } from '../../src/documents/signing-keys/signing-keys.js';
import { newKeyLine } from '../../src/identity/credentials-cipher.js';
import { newLedgerKey } from '../../src/ledger/ledger-key.js';

export { generateRsaKeyPair };

export const PKI_START = new Date('2025-01-01T00:00:00Z');
export const CA_END = new Date('2045-01-01T00:00:00Z');
export const SIGNER_END = new Date('2030-01-01T00:00:00Z');

export interface TestCa {
  readonly keyPair: PemKeyPair;
  readonly certificatePem: string;
}

export interface TestSigner extends TestCa {
  readonly keyId: string;
}

/** A root CA valid 2025–2045 with a Persian name, as a municipality's would have. */
export function createTestCa(commonName = 'مرکز صدور گواهی شهرداری نمونه'): TestCa {
  const keyPair = generateRsaKeyPair();
  const certificatePem = createRootCaCertificate({
    keyPair,
    serialHex: randomSerialHex(),
    commonName,
    organization: 'شهرداری نمونه',
    notBefore: PKI_START,
    notAfter: CA_END,
  });
  return { keyPair, certificatePem };
}

/** A document-signing certificate from `ca`, by default valid 2025–2030. */
export function issueTestSigner(
  ca: TestCa,
  validity: { notBefore?: Date; notAfter?: Date } = {},
): TestSigner {
  const keyPair = generateRsaKeyPair();
  const certificatePem = issueSigningCertificate({
    caCertificatePem: ca.certificatePem,
    caPrivateKeyPem: ca.keyPair.privateKeyPem,
    keyPair,
    serialHex: randomSerialHex(),
    commonName: 'امضای اسناد شهرداری نمونه',
    organization: 'شهرداری نمونه',
    notBefore: validity.notBefore ?? PKI_START,
    notAfter: validity.notAfter ?? SIGNER_END,
  });
  return { keyPair, certificatePem, keyId: describeCertificate(certificatePem).keyId };
}

export interface TestSealer {
  readonly privateKeyPem: string;
  readonly certificatePem: string;
  readonly keyId: string;
}

/** An ECDSA P-256 seal key and its certificate from `ca`, by default valid 2025–2030. */
export async function issueTestSealer(
  ca: TestCa,
  validity: { notBefore?: Date; notAfter?: Date } = {},
): Promise<TestSealer> {
  const keyPair = generateSealKeyPair();
  const certificatePem = await issueSealCertificate({
    caCertificatePem: ca.certificatePem,
    caPrivateKeyPem: ca.keyPair.privateKeyPem,
    publicKeyPem: keyPair.publicKeyPem,
    serialHex: randomSerialHex(),
    commonName: 'مهر اسناد شهرداری نمونه',
    organization: 'شهرداری نمونه',
    notBefore: validity.notBefore ?? PKI_START,
    notAfter: validity.notAfter ?? SIGNER_END,
  });
  return {
    privateKeyPem: keyPair.privateKeyPem,
    certificatePem,
    keyId: describeCertificate(certificatePem).keyId,
  };
}

/** Production refuses the demo stand-ins; these point at nothing, for tests that never reach them. */
export const PRODUCTION_PROVIDERS = {
  DAFTAR_IDENTITY_MATCH_URL: 'http://127.0.0.1:9/match',
  DAFTAR_IDENTITY_MATCH_KEY: 'test-registry-key',
  DAFTAR_SMS_URL: 'http://127.0.0.1:9',
  DAFTAR_SMS_KEY: 'test-sms-key',
  DAFTAR_SMS_SENDER: '10004346',
  DAFTAR_ZARINPAL_MERCHANT_ID: '1344b5d4-0048-11e8-94db-005056a205be',
  DAFTAR_ZARINPAL_URL: 'http://127.0.0.1:9',
  DAFTAR_SMTP_HOST: '127.0.0.1',
  DAFTAR_SMTP_PORT: '9',
  DAFTAR_MAIL_FROM: 'daftar@example.ir',
} as const;

/**
 * Writes a test CA, signer and seal key as PEM files, and a credentials key file, and answers the environment that
 * makes production load them (with the providers it requires).
 */
export async function writeProductionPki(dir: string): Promise<Record<string, string>> {
  const ca = createTestCa();
  const signer = issueTestSigner(ca);
  const sealer = await issueTestSealer(ca);
  const files = {
    DAFTAR_CA_CERT: [join(dir, 'ca.pem'), ca.certificatePem],
    DAFTAR_SIGNING_CERT: [join(dir, 'signing.pem'), signer.certificatePem],
    DAFTAR_SIGNING_KEY: [join(dir, 'signing.key.pem'), signer.keyPair.privateKeyPem],
    DAFTAR_SEAL_CERT: [join(dir, 'seal.pem'), sealer.certificatePem],
    DAFTAR_SEAL_KEY: [join(dir, 'seal.key.pem'), sealer.privateKeyPem],
    DAFTAR_CREDENTIALS_KEY: [join(dir, 'credentials.keys'), `${newKeyLine()}\n`],
    DAFTAR_LEDGER_KEY: [join(dir, 'ledger.key'), newLedgerKey('localhost/daftar')],
  } as const;
  for (const [path, pem] of Object.values(files)) writeFileSync(path, pem, { mode: 0o600 });
  return {
    ...Object.fromEntries(Object.entries(files).map(([name, [path]]) => [name, path])),
    ...PRODUCTION_PROVIDERS,
  };
}
