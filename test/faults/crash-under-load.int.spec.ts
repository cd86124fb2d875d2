import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkLedger, type LedgerCheckReport } from '../../src/ledger/check-ledger/check-ledger.js';
import { CHECK_EXIT, LedgerCheckFailure } from '../../src/ledger/check-ledger/ledger-api.js';
import {
  inFile,
  integrity,
  logHead,
  openDraft,
  openedDrafts,
  PUBLIC_URL,
  readiness,
  readModelCounts,
  signIn,
  startDaftar,
  stopDaftar,
  until,
  type DaftarProcess,
} from './daftar-process.js';

const WRITERS = 50;
/** Acknowledged drafts before the kill: enough that many more are in flight when it lands. */
const KILL_AFTER = 300;

/**
 * Faults of issue 18: the server killed with SIGKILL under 50 concurrent commands loses none it
 * acknowledged, and after the restart every subscriber of the log (projections, reactions, the audit
 * log, the ledger's tree) catches up and agrees with the log.
 */
describe('the server killed (SIGKILL) under 50-way command load', () => {
  let dataDir: string;
  const running: DaftarProcess[] = [];

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'daftar-fault-kill-'));
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((d) => stopDaftar(d, 'SIGKILL')));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses no acknowledged command, and every subscriber catches up with the log after the restart', async () => {
    const first = await startDaftar(dataDir);
    running.push(first);
    const token = await signIn(first.url, 'citizen');
    const before = await signedLedger(first.url);

    const acknowledged: string[] = [];
    let refused = 0;
    let killed: Promise<void> | undefined;
    const writer = async () => {
      for (;;) {
        const res = await openDraft(first.url, token).catch(() => undefined);
        if (!res) return; // the server is gone
        if (res.status === 201) {
          acknowledged.push(((await res.json()) as { permitId: string }).permitId);
          if (acknowledged.length === KILL_AFTER) killed = stopDaftar(first, 'SIGKILL');
        } else {
          refused += 1;
          await res.body?.cancel();
        }
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, writer));
    await killed;
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(refused).toBe(0);
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);

    // Every acknowledged draft is in the log, as the first event of its permit's stream.
    const opened = openedDrafts(dataDir);
    const inLog = new Set(opened);
    expect(acknowledged.filter((id) => !inLog.has(`permit-${id}`))).toEqual([]);
    expect(integrity(dataDir, 'events.db')).toBe('ok');

    const second = await startDaftar(dataDir);
    running.push(second);
    const head = logHead(dataDir);

    // Every subscriber is live at the log's head, with nothing parked.
    const { subscribers } = (await readiness(second))!;
    expect(subscribers.length).toBeGreaterThan(20);
    expect(subscribers.filter((s) => s.state !== 'live' || s.position !== String(head) || s.parked)).toEqual(
      [],
    );

    // The read models agree with the log: one permit document and one audit entry per event of it.
    expect(readModelCounts(dataDir)).toEqual({ permits: opened.length, audited: head });
    expect(integrity(dataDir, 'read-models.db')).toBe('ok');

    // The ledger's signed tree holds the whole log, grown from the one signed before the crash.
    const lastId = inFile(dataDir, 'events.db', (db) =>
      db
        .prepare<[string], string>('SELECT id FROM events WHERE stream = ? AND revision = 0')
        .pluck()
        .get(`permit-${acknowledged.at(-1)!}`),
    );
    await until('the ledger signs a checkpoint of the whole log', async () => {
      const report = await signedLedger(second.url);
      return report.state.size >= head || undefined;
    });
    const after = await signedLedger(second.url, before.state.note, lastId);
    expect(after.state.size).toBe(head);

    // And the restarted server answers every acknowledged draft.
    const citizen = await signIn(second.url, 'citizen');
    const answers = await Promise.all(
      acknowledged.map(async (id) => {
        const res = await fetch(`${second.url}/permits/${id}`, {
          headers: { authorization: `Bearer ${citizen}` },
        });
        return res.ok ? ((await res.json()) as { status: string }).status : `HTTP ${res.status}`;
      }),
    );
    expect(answers.filter((status) => status !== 'draft')).toEqual([]);
  }, 180_000);
});

/**
 * What `npm run ledger:check` proves against the running server: its latest checkpoint verifies and,
 * given the one saved earlier, the log only grew since; retried while it is not signed yet.
 */
function signedLedger(url: string, state?: string, eventId?: string): Promise<LedgerCheckReport> {
  return until('the ledger has a signed checkpoint', async () => {
    try {
      const origin = `${new URL(PUBLIC_URL).host}/daftar`;
      return await checkLedger({ url, origin, ...(state && { state }), ...(eventId && { eventId }) }, fetch);
    } catch (error) {
      if (error instanceof LedgerCheckFailure && error.exitStatus === CHECK_EXIT.notYetSigned)
        return undefined;
      throw error;
    }
  });
}
