import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { openCheckpoint } from '../../../signing/transparency/checkpoint.js';
import { parseVerifierKey, verifierKeyOf } from '../../../signing/transparency/note-verifier-key.js';
import { compiled } from '../../../test/support/compiled.js';
import { event } from '../../../test/event-store/event-store.contract.js';
import { DataDirLock } from '../../event-store/data-dir-lock.js';
import { SqliteEventStore } from '../../event-store/sqlite/sqlite-event-store.js';
import { ReadModelDatabase } from '../../event-store/subscriptions/read-model-database.js';
import { SubscriberRunner } from '../../event-store/subscriptions/subscriber-runner.js';
import { CheckpointLog } from '../checkpoint-log.js';
import { LedgerCheckpoints } from '../ledger-checkpoints.js';
import { ledgerIdentity, renamedUrlWarning } from '../ledger-identity.js';
import { ledgerOrigin, ledgerVerifierKey, loadLedgerSigner } from '../ledger-key.js';
import { LedgerTree } from '../ledger-tree.js';
import { LedgerTreeSubscriber } from '../ledger-tree.subscriber.js';
import { StoredLeaves } from './stored-leaves.js';
import { verifyLedger } from './verify-ledger.js';

const PUBLIC_URL = 'https://daftar.example';

describe('npm run ledger:verify over real SQLite files', () => {
  let dataDir: string;
  let eventIds: string[];
  const config = () => ({ production: false, dataDir, ledgerKeyPath: undefined, publicUrl: PUBLIC_URL });

  /** Runs a server over the data directory at `publicUrl`, appending `counts` events, a checkpoint after each. */
  async function serve(publicUrl: string, counts: number[]): Promise<void> {
    const store = new SqliteEventStore(join(dataDir, 'events.db'), { pollIntervalMs: 20 });
    const readModels = new ReadModelDatabase(join(dataDir, 'read-models.db'));
    const tree = new LedgerTree(readModels);
    const log = CheckpointLog.open(dataDir);
    const signer = loadLedgerSigner({ ...config(), publicUrl }, () => undefined);
    const checkpoints = new LedgerCheckpoints(tree, log, signer, ledgerIdentity(log, signer));
    for (const count of counts) {
      for (let n = 0; n < count; n += 1) {
        await store.append(`thing-${n % 3}`, [event('ThingChanged', { n })], { expectedRevision: 'any' });
      }
      const runner = new SubscriberRunner(store, readModels, []);
      runner.register(new LedgerTreeSubscriber(tree));
      runner.start();
      await runner.waitFor((await store.headPosition())!);
      await runner.stop();
      checkpoints.makeIfGrown(new Date());
    }
    eventIds = (await store.readAll(undefined)).events.map((e) => e.id);
    log.close();
    readModels.close();
    await store.close();
  }

  /** A data directory as a server leaves it: 20 events, checkpoints at 7, 16 and 20. */
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'daftar-verify-'));
    await serve(PUBLIC_URL, [7, 9, 4]);
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  function verify(...args: string[]): { status: number | null; stdout: string; stderr: string } {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DAFTAR_DATA_DIR: dataDir,
      DAFTAR_PUBLIC_URL: PUBLIC_URL,
    };
    delete env['DAFTAR_LEDGER_KEY'];
    return spawnSync(process.execPath, [compiled('dist/src/scripts/verify-ledger.js'), ...args], {
      env,
      encoding: 'utf8',
    });
  }

  function sql(file: string, statement: string): void {
    const db = new Database(join(dataDir, file));
    db.exec(statement);
    db.close();
  }

  it('passes an untouched store, beside a server holding the data directory', () => {
    const lock = DataDirLock.take(dataDir);
    try {
      const { status, stdout } = verify();
      expect(stdout).toMatch(/^Ledger OK: 20 leaves, 3 checkpoint\(s\) checked, root [A-Za-z0-9+/]{43}=\n$/);
      expect(status).toBe(0);
    } finally {
      lock.release();
    }
  }, 120_000);

  it('names the first leaf that differs when one stored event was changed', () => {
    sql('events.db', `UPDATE events SET data = json_set(data, '$.n', 99) WHERE id = '${eventIds[9]}'`);
    const { status, stderr } = verify();
    expect(stderr).toContain(`leaf 9 differs: the stored tree has event ${eventIds[9]}`);
    expect(stderr).toContain(`the log has event ${eventIds[9]}`);
    expect(status).toBe(1);
  }, 120_000);

  it('names the checkpoint that no longer holds when the last event was deleted', () => {
    sql('events.db', `DELETE FROM events WHERE id = '${eventIds[19]}'`);
    const { status, stderr } = verify();
    expect(stderr).toContain(
      'the checkpoint of size 20 no longer holds: beyond the log, which has 19 events',
    );
    expect(status).toBe(1);
  }, 120_000);

  it('refuses a checkpoint whose signature was tampered with, or signed by another key', () => {
    sql(
      'ledger.db',
      `UPDATE ledger_checkpoints SET note = substr(note, 1, length(note) - 6) || 'AAAA' || substr(note, -2)
       WHERE size = 16`,
    );
    const tampered = verify();
    expect(tampered.stderr).toContain('the checkpoint of size 16 no longer holds: bad signature');
    expect(tampered.status).toBe(1);
  }, 120_000);

  it("cannot run with a key that is not the log's, rather than report tampering", () => {
    const otherKey = verifierKeyOf('daftar.example/daftar', generateKeyPairSync('ed25519').publicKey);
    const other = verify('--key', otherKey);
    expect(other.stderr).toMatch(
      /^Could not run: The key daftar\.example\/daftar\+[0-9a-f]{8} is not this log's/,
    );
    expect(other.status).toBe(2);

    const own = parseVerifierKey(ledgerVerifierKey(config())!);
    const renamed = verify('--key', verifierKeyOf('elsewhere.example/daftar', own.publicKey));
    expect(renamed.stderr).toContain(
      "is not this log's: the log is daftar.example/daftar, the key is named elsewhere.example/daftar",
    );
    expect(renamed.status).toBe(2);
  }, 120_000);

  it('checks the log against the public URL it was made under, whatever DAFTAR_PUBLIC_URL says now', () => {
    const { status, stdout } = verify('--key', ledgerVerifierKey(config())!);
    expect(status).toBe(0);
    const moved = spawnSync(process.execPath, [compiled('dist/src/scripts/verify-ledger.js')], {
      env: { ...process.env, DAFTAR_DATA_DIR: dataDir, DAFTAR_PUBLIC_URL: 'http://localhost:39114' },
      encoding: 'utf8',
    });
    expect([moved.status, moved.stdout]).toEqual([0, stdout]);
  }, 120_000);

  it("keeps the log's origin and key name when restarted under another public URL", async () => {
    await serve('http://localhost:39114', [5]);
    const log = CheckpointLog.openReadOnly(join(dataDir, 'ledger.db'))!;
    const latest = log.latest()!;
    log.close();
    const servedKey = ledgerVerifierKey(config())!;
    expect(servedKey).toMatch(/^daftar\.example\/daftar\+/);
    const { checkpoint } = openCheckpoint(latest.note, 'daftar.example/daftar', [
      parseVerifierKey(servedKey),
    ]);
    expect(checkpoint.size).toBe(25);
    expect(renamedUrlWarning('daftar.example/daftar', 'http://localhost:39114')).toContain(
      'The ledger is daftar.example/daftar, not localhost:39114/daftar',
    );
    expect(verify().stdout).toMatch(/^Ledger OK: 25 leaves, 4 checkpoint\(s\) checked/);

    const otherKey = { name: 'daftar.example/daftar', privateKey: generateKeyPairSync('ed25519').privateKey };
    const reopened = CheckpointLog.open(dataDir);
    expect(() => ledgerIdentity(reopened, otherKey)).toThrow(/DAFTAR_LEDGER_KEY: the key is not this log's/);
    reopened.close();
  }, 120_000);

  it('catches a rewritten log whose checkpoints were all deleted, with a checkpoint kept elsewhere', () => {
    const saved = join(dataDir, '..', `${basename(dataDir)}-checkpoint.txt`);
    const db = new Database(join(dataDir, 'ledger.db'));
    writeFileSync(
      saved,
      db.prepare<[], string>('SELECT note FROM ledger_checkpoints WHERE size = 16').pluck().get()!,
    );
    db.close();
    try {
      sql('events.db', `UPDATE events SET data = json_set(data, '$.n', 99) WHERE id = '${eventIds[9]}'`);
      sql('ledger.db', 'DELETE FROM ledger_checkpoints');
      rmSync(join(dataDir, 'read-models.db'));

      const unwitnessed = verify();
      expect(unwitnessed.stdout).toMatch(/^Ledger OK: 20 leaves, 0 checkpoint\(s\) checked/);
      expect(unwitnessed.stderr).toMatch(/^Warning: no signed checkpoint was checked/);
      expect(unwitnessed.status).toBe(0);

      const witnessed = verify('--checkpoint', saved);
      expect(witnessed.stderr).toContain(
        `the checkpoint of size 16 kept in ${saved} no longer holds: root mismatch`,
      );
      expect(witnessed.status).toBe(1);
    } finally {
      rmSync(saved, { force: true });
    }
  }, 120_000);

  it('writes nothing into the data directory, and reads one that is read-only', () => {
    const before = readdirSync(dataDir).sort();
    const readOnly = process.getuid?.() !== 0;
    if (readOnly) chmodSync(dataDir, 0o555);
    try {
      const { status, stdout } = verify();
      expect(stdout).toMatch(/^Ledger OK: 20 leaves, 3 checkpoint\(s\) checked/);
      expect(status).toBe(0);
    } finally {
      if (readOnly) chmodSync(dataDir, 0o755);
    }
    expect(readdirSync(dataDir).sort()).toEqual(before);
  }, 120_000);

  it('without the stored tree, names the checkpoint whose root changed and where to look', async () => {
    sql('events.db', `UPDATE events SET data = json_set(data, '$.n', 99) WHERE id = '${eventIds[9]}'`);
    rmSync(join(dataDir, 'read-models.db'));
    const store = new SqliteEventStore(join(dataDir, 'events.db'), { readOnly: true });
    const log = CheckpointLog.openReadOnly(join(dataDir, 'ledger.db'))!;
    try {
      const verdict = await verifyLedger({
        store,
        checkpoints: log.all(2),
        origin: ledgerOrigin(PUBLIC_URL),
        verifier: parseVerifierKey(ledgerVerifierKey(config())!),
      });
      expect(verdict).toEqual({
        ok: false,
        checkpoint: 16,
        why: expect.stringMatching(/^root mismatch: .*; a leaf in \[7, 16\) differs$/),
      });
      expect(StoredLeaves.openReadOnly(join(dataDir, 'read-models.db'))).toBeUndefined();
    } finally {
      log.close();
      await store.close();
    }
  });
});
