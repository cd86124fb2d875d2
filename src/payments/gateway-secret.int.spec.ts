import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGatewaySecret } from './gateway-secret.js';

describe('the gateway callback secret', () => {
  let dataDir: string;
  const logged: string[] = [];
  const log = (message: string) => logged.push(message);

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'daftar-gateway-'));
    logged.length = 0;
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is the configured one when set', () => {
    const gatewaySecret = 'x'.repeat(40);
    expect(loadGatewaySecret({ dataDir, gatewaySecret }, log)).toBe(gatewaySecret);
    expect(logged).toEqual([]);
  });

  it('is made once per data directory in demo mode, readable by the owner only, and kept', () => {
    const config = { dataDir, gatewaySecret: undefined };
    const first = loadGatewaySecret(config, log);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const file = join(dataDir, 'keys', 'gateway-secret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadGatewaySecret(config, log)).toBe(first);
    expect(logged[0]).toContain('DAFTAR_GATEWAY_SECRET');
  });
});
