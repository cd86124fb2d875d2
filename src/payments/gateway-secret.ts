import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AppConfig, ConfigError } from '../config/app-config.js';

const DEMO_SECRET_FILE = 'gateway-secret';

/**
 * The secret gateway callbacks are signed with: DAFTAR_GATEWAY_SECRET, or, outside production, one
 * made on the first start at `<dataDir>/keys/gateway-secret` (owner-readable only) and kept after.
 */
export function loadGatewaySecret(
  config: Pick<AppConfig, 'production' | 'dataDir' | 'gatewaySecret'>,
  log: (message: string) => void,
): string {
  if (config.gatewaySecret !== undefined) return config.gatewaySecret;
  if (config.production)
    throw new ConfigError('DAFTAR_GATEWAY_SECRET', 'is required with NODE_ENV=production');
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
      'Set DAFTAR_GATEWAY_SECRET to the one agreed with a real gateway.',
  );
  return readFileSync(file, 'utf8').trim();
}
