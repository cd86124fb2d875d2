import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compiled } from '../../test/support/compiled.js';
import { startTestApp } from '../../test/support/test-app.js';
import { DataDirLock, DataDirLockedError } from '../event-store/data-dir-lock.js';

const IN_USE = /data directory is in use: another Daftar process .* holds .*data\.lock/;

describe('the data directory’s lock', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'daftar-lock-'));
    env = { ...process.env, DAFTAR_DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'test' };
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const run = (script: string, ...args: string[]) =>
    spawnSync(process.execPath, [compiled(`dist/src/scripts/${script}.js`), ...args], {
      env,
      encoding: 'utf8',
    });

  it('refuses every script while a server runs, and lets them run once it is killed', async () => {
    const server = await startServer(dataDir);
    try {
      const csv = join(dataDir, 'parcels.csv');
      writeFileSync(csv, 'municipality,renewalCode,areaM2,streetWidthM,zone,landUse,owners\n');
      for (const [script, ...args] of [['rebuild-projections'], ['seed-demo'], ['import-parcels', csv]]) {
        const refused = run(script!, ...args);
        expect([script, refused.status, refused.stdout]).toEqual([script, 1, '']);
        expect(refused.stderr).toMatch(IN_USE);
      }
    } finally {
      await kill(server);
    }
    // SIGKILL ran no shutdown hook: the OS dropped the lock with the process.
    const rebuilt = run('rebuild-projections');
    expect([rebuilt.status, rebuilt.stderr]).toEqual([0, '']);
    expect(rebuilt.stdout).toMatch(/Rebuilt \d+ read model\(s\)/);
  }, 240_000);

  it('refuses a second holder in the same process, and before it opens any store', async () => {
    const lock = DataDirLock.take(dataDir);
    try {
      expect(() => DataDirLock.take(dataDir)).toThrow(DataDirLockedError);
      await expect(startTestApp({ dataDir })).rejects.toThrow(IN_USE);
      expect(existsSync(join(dataDir, 'events.db'))).toBe(false);
      expect(existsSync(join(dataDir, 'read-models.db'))).toBe(false);
    } finally {
      lock.release();
    }
    const app = await startTestApp({ dataDir });
    await app.close();
    DataDirLock.take(dataDir).release();
  });
});

/** The compiled server on a free port; resolves once it listens (the lock is taken before that). */
function startServer(dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [compiled('dist/src/main.js')], {
    env: {
      ...process.env,
      DAFTAR_DATA_DIR: dataDir,
      DAFTAR_DEMO_DATA: 'false',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Daftar listening')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}: ${output}`)));
  });
}

function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
