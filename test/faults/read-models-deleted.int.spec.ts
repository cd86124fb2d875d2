import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inFile, openDraft, signIn, startDaftar, stopDaftar, type DaftarProcess } from './daftar-process.js';

/**
 * The derived files: rebuilt from the log at start (the audit outbox, webhooks and the reactions'
 * checkpoints are not derived: those record effects already made).
 */
const DERIVED = /^(read-models|ledger)\.db(-wal|-shm)?$/;

/** Faults of issue 18: read models deleted while the server is stopped are rebuilt at the next start. */
describe('the read-model databases deleted while the server is stopped', () => {
  let dataDir: string;
  const running: DaftarProcess[] = [];
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'daftar-fault-rebuild-'));
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((d) => stopDaftar(d, 'SIGKILL')));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('are rebuilt at start, and every read answers as before', async () => {
    const first = await startDaftar(dataDir);
    running.push(first);
    const citizen = await signIn(first.url, 'citizen');
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const res = await openDraft(first.url, citizen);
      ids.push(((await res.json()) as { permitId: string }).permitId);
    }
    const paths = ['/permits', ...ids.flatMap((id) => [`/permits/${id}`, `/permits/${id}/timeline`])];
    const before = await answers(first.url, citizen, paths);
    expect(before.filter((a) => a.status !== 200)).toEqual([]);
    await stopDaftar(first);
    const reactionsBefore = reactionCheckpoints(dataDir);
    expect(reactionsBefore.length).toBeGreaterThan(0);

    const derived = readdirSync(dataDir).filter((file) => DERIVED.test(file));
    expect(derived).toEqual(expect.arrayContaining(['read-models.db', 'ledger.db']));
    for (const file of derived) rmSync(join(dataDir, file));

    const second = await startDaftar(dataDir);
    running.push(second);
    expect(await answers(second.url, await signIn(second.url, 'citizen'), paths)).toEqual(before);
    // No reaction starts over from the beginning of the log.
    expect(reactionCheckpoints(dataDir)).toEqual(reactionsBefore);
  }, 120_000);
});

function reactionCheckpoints(dataDir: string): { name: string; position: string }[] {
  return inFile(dataDir, 'reactions.db', (db) =>
    db
      .prepare<[], { name: string; position: string }>(
        'SELECT name, position FROM subscriber_checkpoints ORDER BY name',
      )
      .all(),
  );
}

async function answers(
  url: string,
  token: string,
  paths: readonly string[],
): Promise<{ path: string; status: number; body: string }[]> {
  return Promise.all(
    paths.map(async (path) => {
      const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      return { path, status: res.status, body: await res.text() };
    }),
  );
}
