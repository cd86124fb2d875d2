import { createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createRootCaCertificate,
  describeCertificate,
  issueSigningCertificate,
  publicKeyId,
  verifyCertificateChain,
  type PemKeyPair,
} from '../../../signing/certificates.js';
import { ConfigError } from '../../config/app-config.js';

export interface SigningKeys {
  readonly ca: { readonly certificatePem: string };
  /** The key new documents are signed with. */
  readonly active: {
    readonly keyId: string;
    readonly privateKeyPem: string;
    readonly certificatePem: string;
  };
  /** Every published signing certificate, the active one included: older documents name older keys. */
  readonly certificates: readonly { readonly keyId: string; readonly certificatePem: string }[];
}

export interface SigningKeysConfig {
  readonly production: boolean;
  readonly dataDir: string;
  readonly signingKeyPath?: string;
  readonly signingCertPath?: string;
  readonly caCertPath?: string;
  readonly extraSigningCertPaths?: readonly string[];
}

interface KeyFiles {
  readonly privateKeyPem: string;
  readonly certificatePem: string;
  readonly caCertificatePem: string;
}

export const DEMO_FILES = {
  caCertificate: 'document-ca.pem',
  caPrivateKey: 'document-ca.key.pem',
  certificate: 'document-signing.pem',
  privateKey: 'document-signing.key.pem',
} as const;
export const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/**
 * The document-signing key, its certificate and the CA, from the PEM files the configuration names;
 * outside production, without them, demo keys made under `<dataDir>/keys/` on the first start.
 * Checks that the key belongs to its certificate and the certificate chains to the CA now.
 * Logs key ids and paths, never key material.
 */
export function loadSigningKeys(
  config: SigningKeysConfig,
  log: (message: string) => void,
  now = new Date(),
): SigningKeys {
  const configured = configuredFiles(config);
  const demoDir = join(config.dataDir, 'keys');
  const files = configured ?? demoFiles(demoDir, log, now);
  let keyId: string;
  try {
    keyId = checkedKeyId(files, now);
  } catch (error) {
    if (configured || !(error instanceof ConfigError)) throw error;
    throw new Error(
      `The demo signing keys in ${demoDir} are unusable (${error.message}); delete the directory`,
    );
  }
  const extra = (config.extraSigningCertPaths ?? []).map((path) =>
    extraCertificate(path, files.caCertificatePem),
  );
  const certificates = new Map([[keyId, files.certificatePem], ...extra]);
  log(
    `Documents are signed with key ${keyId} (certificate valid until ${describeCertificate(files.certificatePem).notAfter}); ` +
      `${certificates.size} signing certificate(s) published`,
  );
  return {
    ca: { certificatePem: files.caCertificatePem },
    active: { keyId, privateKeyPem: files.privateKeyPem, certificatePem: files.certificatePem },
    certificates: [...certificates].map(([id, certificatePem]) => ({ keyId: id, certificatePem })),
  };
}

/** An RSA-2048 key pair as PEM (SPKI, PKCS#8). */
export function generateRsaKeyPair(): PemKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** A random positive certificate serial of 16 bytes, in hex. */
export function randomSerialHex(): string {
  const bytes = randomBytes(16);
  bytes[0]! &= 0x7f;
  return bytes.toString('hex');
}

/** The configured files; undefined for demo keys (outside production, when none is configured). */
function configuredFiles(config: SigningKeysConfig): KeyFiles | undefined {
  const paths = [
    ['DAFTAR_SIGNING_KEY', config.signingKeyPath],
    ['DAFTAR_SIGNING_CERT', config.signingCertPath],
    ['DAFTAR_CA_CERT', config.caCertPath],
  ] as const;
  if (!config.production && paths.every(([, path]) => !path)) return undefined;
  const missing = paths.find(([, path]) => !path);
  if (missing) {
    const when = config.production
      ? 'with NODE_ENV=production'
      : 'when another signing key file is configured';
    throw new ConfigError(
      missing[0],
      `is required ${when}: the PEM files of the document-signing key and CA`,
    );
  }
  const [privateKeyPem, certificatePem, caCertificatePem] = paths.map(([variable, path]) =>
    readPem(variable, path!),
  );
  return {
    privateKeyPem: privateKeyPem!,
    certificatePem: certificatePem!,
    caCertificatePem: caCertificatePem!,
  };
}

function checkedKeyId(files: KeyFiles, now: Date): string {
  let keyId: string;
  try {
    keyId = describeCertificate(files.certificatePem).keyId;
  } catch {
    throw new ConfigError('DAFTAR_SIGNING_CERT', 'is not a PEM certificate');
  }
  let privateKeyId: string;
  try {
    privateKeyId = publicKeyId(createPublicKey(files.privateKeyPem));
  } catch {
    throw new ConfigError('DAFTAR_SIGNING_KEY', 'is not a PEM private key');
  }
  if (privateKeyId !== keyId) {
    throw new ConfigError(
      'DAFTAR_SIGNING_KEY',
      `is not the key of the certificate in DAFTAR_SIGNING_CERT (${keyId})`,
    );
  }
  if (!chains(files.certificatePem, files.caCertificatePem, now)) {
    throw new ConfigError(
      'DAFTAR_SIGNING_CERT',
      `is not issued by the CA in DAFTAR_CA_CERT or not valid at ${now.toISOString()}`,
    );
  }
  return keyId;
}

/** An older certificate only has to come from the CA: it may have expired since its documents were signed. */
function extraCertificate(path: string, caCertificatePem: string): [string, string] {
  const pem = readPem('DAFTAR_SIGNING_EXTRA_CERTS', path);
  let description;
  try {
    description = describeCertificate(pem);
  } catch {
    throw new ConfigError('DAFTAR_SIGNING_EXTRA_CERTS', `${path} is not a PEM certificate`);
  }
  if (!chains(pem, caCertificatePem, new Date(description.notBefore))) {
    throw new ConfigError('DAFTAR_SIGNING_EXTRA_CERTS', `${path} is not issued by the CA in DAFTAR_CA_CERT`);
  }
  return [description.keyId, pem];
}

export function chains(certificatePem: string, caCertificatePem: string, at: Date): boolean {
  try {
    return verifyCertificateChain(certificatePem, caCertificatePem, at);
  } catch {
    throw new ConfigError('DAFTAR_CA_CERT', 'is not a PEM certificate');
  }
}

export function readPem(variable: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(
      variable,
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
    );
  }
}

function demoFiles(dir: string, log: (message: string) => void, now: Date): KeyFiles {
  const present = Object.values(DEMO_FILES).filter((name) => existsSync(join(dir, name)));
  if (present.length === 0) createDemoKeys(dir, now);
  else if (present.length < Object.keys(DEMO_FILES).length) {
    throw new Error(
      `The demo signing keys in ${dir} are incomplete (only ${present.join(', ')}); delete the directory`,
    );
  }
  log(
    `DEMO SIGNING KEYS: documents are signed with keys made on this machine (${dir}), which nobody else trusts. ` +
      'Never issue real documents with them: set DAFTAR_SIGNING_KEY, DAFTAR_SIGNING_CERT and DAFTAR_CA_CERT.',
  );
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  return {
    privateKeyPem: read(DEMO_FILES.privateKey),
    certificatePem: read(DEMO_FILES.certificate),
    caCertificatePem: read(DEMO_FILES.caCertificate),
  };
}

function createDemoKeys(dir: string, now: Date): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const ca = generateRsaKeyPair();
  const signer = generateRsaKeyPair();
  const organization = 'Daftar demo';
  const caCertificatePem = createRootCaCertificate({
    keyPair: ca,
    serialHex: randomSerialHex(),
    commonName: 'Daftar demo document CA (not trusted)',
    organization,
    notBefore: now,
    notAfter: new Date(now.getTime() + 20 * YEAR_MS),
  });
  const certificatePem = issueSigningCertificate({
    caCertificatePem,
    caPrivateKeyPem: ca.privateKeyPem,
    keyPair: signer,
    serialHex: randomSerialHex(),
    commonName: 'Daftar demo document signing',
    organization,
    notBefore: now,
    notAfter: new Date(now.getTime() + 5 * YEAR_MS),
  });
  const write = (name: string, pem: string, mode: number) =>
    writeFileSync(join(dir, name), pem, { mode, flag: 'wx' });
  write(DEMO_FILES.caPrivateKey, ca.privateKeyPem, 0o600);
  write(DEMO_FILES.privateKey, signer.privateKeyPem, 0o600);
  write(DEMO_FILES.caCertificate, caCertificatePem, 0o644);
  write(DEMO_FILES.certificate, certificatePem, 0o644);
}
