import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { until } from '../support/until.js';
import {
  openDraft,
  readiness,
  signIn,
  startDaftar,
  stopDaftar,
  type DaftarProcess,
} from './daftar-process.js';

/**
 * Issue 19: the event log replaced by a shorter one (a reset store, a wrong backup) while the read models
 * are kept. Waiting would never end, and pretending to be caught up would serve a past that no longer is:
 * every subscriber stops, says why, and /ready answers 503 naming them.
 */
describe('the event log replaced under kept read models', () => {
  let dataDir: string;
  const running: DaftarProcess[] = [];
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'daftar-fault-reset-'));
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((d) => stopDaftar(d, 'SIGKILL')));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stops every subscriber past the end of the log, and /ready says why', async () => {
    const first = await startDaftar(dataDir);
    running.push(first);
    const citizen = await signIn(first.url, 'citizen');
    for (let i = 0; i < 3; i += 1) expect((await openDraft(first.url, citizen)).status).toBe(201);
    await stopDaftar(first);

    for (const file of readdirSync(dataDir).filter((f) => /^events\.db(-wal|-shm)?$/.test(f))) {
      rmSync(join(dataDir, file));
    }
    const second = await startDaftar(dataDir, {}, { waitForReady: false });
    running.push(second);
    const refused = await until('subscribers report the reset log', async () => {
      const ready = await readiness(second);
      const failed = ready?.subscribers.filter((s) => s.failure?.reason === 'beyond_head') ?? [];
      return failed.length > 0 ? { ready, failed } : undefined;
    });
    expect(refused.ready?.ready).toBeUndefined();
    expect(refused.failed.map((s) => s.state)).toEqual(refused.failed.map(() => 'failed'));
    expect(refused.failed[0]!.failure!.message).toMatch(/past the end of the log/);
    const res = await fetch(`${second.url}/ready`);
    expect(res.status).toBe(503);
    expect(await res.text()).toMatch(/beyond_head/);
  }, 120_000);
});
