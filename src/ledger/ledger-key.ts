import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type AppConfig, ConfigError } from '../config/app-config.js';
import {
  type NoteSigner,
  parseSignerKey,
  signerKeyOf,
  verifierKeyOf,
} from '../../signing/transparency/note-verifier-key.js';

const DEMO_KEY_FILE = 'ledger.key';

/** A fresh signer key text: a secret, written to a file readable by its owner only. */
export function newLedgerKey(name: string): string {
  return `${signerKeyOf(name, generateKeyPairSync('ed25519').privateKey)}\n`;
}

/** The log's identity in its checkpoints: `<host of DAFTAR_PUBLIC_URL>/daftar`. */
export function ledgerOrigin(publicUrl: string): string {
  return `${new URL(publicUrl).host}/daftar`;
}

/**
 * The key checkpoints are signed with: DAFTAR_LEDGER_KEY, or, outside production, one made on the
 * first start at `<dataDir>/keys/ledger.key` (owner-readable only) named after the public URL's origin,
 * and kept after under that name: a log keeps its name when the URL changes (see ledgerIdentity).
 */
export function loadLedgerSigner(
  config: Pick<AppConfig, 'production' | 'dataDir' | 'ledgerKeyPath' | 'publicUrl'>,
  log: (message: string) => void,
): NoteSigner {
  if (config.ledgerKeyPath !== undefined) return readSigner(config.ledgerKeyPath);
  if (config.production) throw new ConfigError('DAFTAR_LEDGER_KEY', 'is required with NODE_ENV=production');
  const file = demoKeyFile(config.dataDir);
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  try {
    writeFileSync(file, newLedgerKey(ledgerOrigin(config.publicUrl)), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  log(`DEMO LEDGER KEY: checkpoints are signed with a key made on this machine (${file}).`);
  return readSigner(file);
}

/**
 * The verifier key of the checkpoints the server signs, from the key file it reads; makes no key.
 * Undefined when there is none (a demo data directory whose server never started).
 */
export function ledgerVerifierKey(config: Pick<AppConfig, 'dataDir' | 'ledgerKeyPath'>): string | undefined {
  const file = config.ledgerKeyPath ?? demoKeyFile(config.dataDir);
  if (config.ledgerKeyPath === undefined && !existsSync(file)) return undefined;
  const signer = readSigner(file);
  return verifierKeyOf(signer.name, createPublicKey(signer.privateKey));
}

const demoKeyFile = (dataDir: string) => join(dataDir, 'keys', DEMO_KEY_FILE);

function readSigner(file: string): ReturnType<typeof parseSignerKey> {
  try {
    return parseSignerKey(readFileSync(file, 'utf8').trim());
  } catch (error) {
    throw new ConfigError('DAFTAR_LEDGER_KEY', `${file}: ${(error as Error).message}`);
  }
}
