import { createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describeCertificate, type PemKeyPair } from '../../../signing/certificates.js';
import { sealKeyFrom } from '../../../signing/seal-v2.js';
import { ConfigError } from '../../config/app-config.js';
import { issueSealCertificate } from './seal-certificate.js';
import {
  chains,
  DEMO_FILES,
  randomSerialHex,
  readPem,
  YEAR_MS,
  type SigningKeysConfig,
} from './signing-keys.js';

/** The ECDSA P-256 key that signs the QR seals (format 2), and its certificate from the document CA. */
export interface SealKeys {
  readonly keyId: string;
  readonly privateKeyPem: string;
  readonly certificatePem: string;
}

export interface SealKeyConfig extends SigningKeysConfig {
  readonly sealKeyPath?: string;
  readonly sealCertPath?: string;
}

const DEMO_SEAL_FILES = { privateKey: 'document-seal.key.pem', certificate: 'document-seal.pem' } as const;

/**
 * The seal key and its certificate from the PEM files the configuration names; with demo signing keys,
 * a demo seal key made under `<dataDir>/keys/` and certified by the demo CA, on the first start after
 * which it is kept. Checks that the key is P-256, belongs to its certificate, and chains to the CA now.
 */
export async function loadSealKeys(
  config: SealKeyConfig,
  caCertificatePem: string,
  log: (message: string) => void,
  now = new Date(),
): Promise<SealKeys> {
  const signingConfigured = [config.signingKeyPath, config.signingCertPath, config.caCertPath].some(Boolean);
  let files: { privateKeyPem: string; certificatePem: string };
  if (config.sealKeyPath && config.sealCertPath) {
    files = {
      privateKeyPem: readPem('DAFTAR_SEAL_KEY', config.sealKeyPath),
      certificatePem: readPem('DAFTAR_SEAL_CERT', config.sealCertPath),
    };
  } else if (config.production || signingConfigured || config.sealKeyPath || config.sealCertPath) {
    const missing = config.sealKeyPath ? 'DAFTAR_SEAL_CERT' : 'DAFTAR_SEAL_KEY';
    throw new ConfigError(
      missing,
      'is required with NODE_ENV=production or configured signing keys: the PEM files of the seal key (ECDSA P-256) and its certificate',
    );
  } else {
    files = await demoSealFiles(join(config.dataDir, 'keys'), caCertificatePem, now);
  }
  const keyId = checkedKeyId(files, caCertificatePem, now);
  log(`QR seals are signed with the P-256 key ${keyId}`);
  return { keyId, ...files };
}

function checkedKeyId(
  files: { privateKeyPem: string; certificatePem: string },
  caCertificatePem: string,
  now: Date,
): string {
  let keyId: string;
  try {
    keyId = sealKeyFrom(files.privateKeyPem).keyId;
  } catch {
    throw new ConfigError('DAFTAR_SEAL_KEY', 'is not a PEM private key of ECDSA P-256');
  }
  let certified: string;
  try {
    certified = describeCertificate(files.certificatePem).keyId;
  } catch {
    throw new ConfigError('DAFTAR_SEAL_CERT', 'is not a PEM certificate');
  }
  if (certified !== keyId) {
    throw new ConfigError(
      'DAFTAR_SEAL_KEY',
      `is not the key of the certificate in DAFTAR_SEAL_CERT (${certified})`,
    );
  }
  if (!chains(files.certificatePem, caCertificatePem, now)) {
    throw new ConfigError(
      'DAFTAR_SEAL_CERT',
      `is not issued by the CA in DAFTAR_CA_CERT or not valid at ${now.toISOString()}`,
    );
  }
  return keyId;
}

/** An ECDSA P-256 key pair as PEM (SPKI, PKCS#8). */
export function generateSealKeyPair(): PemKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/**
 * Made beside the demo signing keys, also in a key directory older than seals of format 2. The key is
 * published first and once (see {@link install}); the certificate follows from it and the CA, so a
 * missing, foreign or expired one, left by a crash or an older version, is issued again. The CA's own
 * files are only read.
 */
async function demoSealFiles(
  dir: string,
  caCertificatePem: string,
  now: Date,
): Promise<{ privateKeyPem: string; certificatePem: string }> {
  const keyPath = join(dir, DEMO_SEAL_FILES.privateKey);
  const certificatePath = join(dir, DEMO_SEAL_FILES.certificate);
  const keptKey = readIfPresent(keyPath);
  const privateKeyPem =
    keptKey !== undefined && isSealKey(keptKey)
      ? keptKey
      : install(keyPath, generateSealKeyPair().privateKeyPem, 0o600, isSealKey);
  const { keyId } = sealKeyFrom(privateKeyPem);
  const certifies = (pem: string) => certifiedKeyId(pem) === keyId && chains(pem, caCertificatePem, now);
  const keptCertificate = readIfPresent(certificatePath);
  if (keptCertificate !== undefined && certifies(keptCertificate)) {
    return { privateKeyPem, certificatePem: keptCertificate };
  }
  const issued = await issueSealCertificate({
    caCertificatePem,
    caPrivateKeyPem: readFileSync(join(dir, DEMO_FILES.caPrivateKey), 'utf8'),
    publicKeyPem: createPublicKey(privateKeyPem).export({ type: 'spki', format: 'pem' }).toString(),
    serialHex: randomSerialHex(),
    commonName: 'Daftar demo document seal',
    organization: 'Daftar demo',
    notBefore: now,
    notAfter: new Date(now.getTime() + 5 * YEAR_MS),
  });
  return { privateKeyPem, certificatePem: install(certificatePath, issued, 0o644, certifies) };
}

/**
 * Puts `pem` at `path` whole or not at all: written to a file beside it, then linked, which fails when
 * another start got there first; then theirs is kept when `keeps` it, and replaced when it is a leftover.
 */
function install(path: string, pem: string, mode: number, keeps: (existing: string) => boolean): string {
  const temporary = `${path}.${randomBytes(8).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', mode);
  try {
    writeFileSync(fd, pem);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    try {
      linkSync(temporary, path);
      return pem;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const existing = readFileSync(path, 'utf8');
    if (keeps(existing)) return existing;
    renameSync(temporary, path);
    return pem;
  } finally {
    rmSync(temporary, { force: true });
  }
}

function readIfPresent(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function isSealKey(pem: string): boolean {
  try {
    sealKeyFrom(pem);
    return true;
  } catch {
    return false;
  }
}

function certifiedKeyId(pem: string): string | undefined {
  try {
    return describeCertificate(pem).keyId;
  } catch {
    return undefined;
  }
}
