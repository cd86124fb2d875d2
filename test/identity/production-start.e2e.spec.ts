import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, signIn } from '../support/http.js';
import { writeProductionPki } from '../support/test-pki.js';
import { startTestApp, untilReady } from '../support/test-app.js';

describe('starting in production', () => {
  let dataDir: string;
  let pkiDir: string;
  let pki: Record<string, string>;
  beforeAll(async () => {
    pkiDir = mkdtempSync(join(tmpdir(), 'daftar-pki-'));
    pki = { ...(await writeProductionPki(pkiDir)), DAFTAR_GATEWAY_SECRET: 'g'.repeat(32) };
  });
  afterAll(() => rmSync(pkiDir, { recursive: true, force: true }));
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'daftar-production-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses to start without the document-signing key and certificates', async () => {
    await expect(
      startTestApp({
        dataDir,
        env: { NODE_ENV: 'production', DAFTAR_ADMIN_PASSWORD: 'the-first-admin-secret' },
      }),
    ).rejects.toThrow(/DAFTAR_SIGNING_KEY/);
  });

  it('refuses to start without an admin and without DAFTAR_ADMIN_PASSWORD', async () => {
    await expect(startTestApp({ dataDir, env: { NODE_ENV: 'production', ...pki } })).rejects.toThrow(
      /no admin exists.*DAFTAR_ADMIN_PASSWORD/,
    );
  });

  it('creates the first admin from DAFTAR_ADMIN_PASSWORD, once, and seeds no demo data', async () => {
    const t = await startTestApp({
      dataDir,
      env: { NODE_ENV: 'production', DAFTAR_ADMIN_PASSWORD: 'the-first-admin-secret', ...pki },
    });
    try {
      const token = await signIn(t.app, 'admin', 'the-first-admin-secret');
      expect((await call(t.app, 'GET', '/me', { token })).json().grants).toEqual([{ role: 'admin' }]);
      expect(
        (await call(t.app, 'POST', '/auth/token', { body: { username: 'clerk', password: 'daftar-demo' } }))
          .statusCode,
      ).toBe(401);
    } finally {
      await t.close();
    }
    const again = await startTestApp({
      dataDir,
      env: { NODE_ENV: 'production', DAFTAR_ADMIN_PASSWORD: 'another-password-now', ...pki },
    });
    try {
      await signIn(again.app, 'admin', 'the-first-admin-secret');
    } finally {
      await again.close();
    }
  });

  it('refuses to start on a store that holds demo users', async () => {
    const demo = await startTestApp({ dataDir, env: { DAFTAR_DEMO_DATA: 'true' } });
    await untilReady(demo.app);
    await signIn(demo.app, 'clerk', 'daftar-demo');
    await demo.close();
    // The log's own key, so that the ledger's refusal of a foreign key does not answer first.
    const ledgerKey = join(dataDir, 'keys', 'ledger.key');
    await expect(
      startTestApp({
        dataDir,
        env: {
          NODE_ENV: 'production',
          DAFTAR_ADMIN_PASSWORD: 'the-first-admin-secret',
          ...pki,
          DAFTAR_LEDGER_KEY: ledgerKey,
        },
      }),
    ).rejects.toThrow(/demo users exist/);
  });
});
