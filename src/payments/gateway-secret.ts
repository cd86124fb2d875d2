import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config.js';

const DEMO_SECRET_FILE = 'gateway-secret';

/**
 * The secret the sandbox gateway signs its callbacks with (never in production, which refuses the
 * sandbox): DAFTAR_GATEWAY_SECRET, or one made on the first start at `<dataDir>/keys/gateway-secret`
 * (owner-readable only) and kept after.
 */
export function loadGatewaySecret(
  config: Pick<AppConfig, 'dataDir' | 'gatewaySecret'>,
  log: (message: string) => void,
): string {
  if (config.gatewaySecret !== undefined) return config.gatewaySecret;
  const dir = join(config.dataDir, 'keys');
  const file = join(dir, DEMO_SECRET_FILE);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  log(
    `DEMO GATEWAY SECRET: payment callbacks are verified with a secret made on this machine (${file}). ` +
      'Set DAFTAR_GATEWAY_SECRET to keep it across data directories.',
  );
  return readFileSync(file, 'utf8').trim();
}
