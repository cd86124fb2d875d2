import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AppConfig, ConfigError } from '../config/app-config.js';
import {
  type NoteSigner,
  parseSignerKey,
  signerKeyOf,
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
 * first start at `<dataDir>/keys/ledger.key` (owner-readable only) and kept after, named the origin.
 */
export function loadLedgerSigner(
  config: Pick<AppConfig, 'production' | 'dataDir' | 'ledgerKeyPath' | 'publicUrl'>,
  log: (message: string) => void,
): NoteSigner {
  if (config.ledgerKeyPath !== undefined) return readSigner(config.ledgerKeyPath);
  if (config.production) throw new ConfigError('DAFTAR_LEDGER_KEY', 'is required with NODE_ENV=production');
  const origin = ledgerOrigin(config.publicUrl);
  const dir = join(config.dataDir, 'keys');
  const file = join(dir, DEMO_KEY_FILE);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    writeFileSync(file, newLedgerKey(origin), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  log(`DEMO LEDGER KEY: checkpoints are signed with a key made on this machine (${file}).`);
  // The name is part of the key id: a changed public URL renames the demo key rather than mislabel it.
  return { name: origin, privateKey: readSigner(file).privateKey };
}

function readSigner(file: string): NoteSigner {
  try {
    return parseSignerKey(readFileSync(file, 'utf8').trim());
  } catch (error) {
    throw new ConfigError('DAFTAR_LEDGER_KEY', `${file}: ${(error as Error).message}`);
  }
}
