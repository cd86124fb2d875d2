import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { openCheckpoint, parseCheckpoint } from '../../signing/transparency/checkpoint.js';
import { leafHash, rootOf } from '../../signing/transparency/merkle-hashes.js';
import { consistencyProof, inclusionProof } from '../../signing/transparency/merkle-proofs.js';
import { rootAt } from '../../signing/transparency/merkle-tree.js';
import { verifyConsistency, verifyInclusion } from '../../signing/transparency/merkle-verify.js';
import { parseVerifierKey, verifierKeyOf } from '../../signing/transparency/note-verifier-key.js';
import { canonicalJson } from '../../signing/canonical-json.js';
import { event } from '../../test/event-store/event-store.contract.js';
import type { RecordedEvent } from '../event-store/event-envelope.js';
import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store.js';
import { ReadModelDatabase } from '../event-store/subscriptions/read-model-database.js';
import { SubscriberRunner } from '../event-store/subscriptions/subscriber-runner.js';
import { CheckpointLog } from './checkpoint-log.js';
import { LedgerCheckpoints } from './ledger-checkpoints.js';
import { LedgerTree } from './ledger-tree.js';
import { LedgerTreeSubscriber } from './ledger-tree.subscriber.js';

describe('the ledger tree over real SQLite files', () => {
  let dir: string;
  let store: SqliteEventStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'daftar-ledger-'));
    store = new SqliteEventStore(join(dir, 'events.db'), { pollIntervalMs: 20 });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function append(count: number): Promise<void> {
    for (let n = 0; n < count; n += 1) {
      await store.append(`thing-${n % 4}`, [event('ThingChanged', { n, text: 'é\u2028' })], {
        expectedRevision: 'any',
      });
    }
  }

  /** The leaves as the issue defines them, computed here from what the store returns. */
  async function expectedLeaves(): Promise<Uint8Array[]> {
    const { events } = await store.readAll(undefined, { maxCount: 10_000 });
    return events.map((e: RecordedEvent) =>
      leafHash(
        Buffer.from(
          canonicalJson({
            id: e.id,
            type: e.type,
            stream: e.stream,
            revision: String(e.revision),
            data: e.data,
            metadata: e.metadata,
          }),
        ),
      ),
    );
  }

  /** Runs the tree subscriber on the read-model file until it has caught up. */
  async function catchUp(file: string): Promise<{ tree: LedgerTree; close: () => Promise<void> }> {
    const readModels = new ReadModelDatabase(file);
    const tree = new LedgerTree(readModels);
    const runner = new SubscriberRunner(store, readModels, []);
    runner.register(new LedgerTreeSubscriber(tree));
    runner.start();
    await runner.caughtUp();
    await runner.waitFor((await store.headPosition())!);
    expect(runner.statuses()).toEqual([expect.objectContaining({ name: 'ledger:tree', state: 'live' })]);
    return {
      tree,
      close: async () => {
        await runner.stop();
        readModels.close();
      },
    };
  }

  it('stores the RFC 9162 tree of every event, once, across a restart and a rebuild', async () => {
    await append(21);
    const file = join(dir, 'read-models.db');
    const first = await catchUp(file);
    expect(first.tree.size).toBe(21);
    await first.close();

    await append(16);
    const resumed = await catchUp(file);
    const leaves = await expectedLeaves();
    expect(resumed.tree.size).toBe(37);
    for (const size of [1, 2, 21, 32, 37]) {
      expect(Buffer.from(rootAt(size, resumed.tree))).toEqual(Buffer.from(rootOf(leaves.slice(0, size))));
    }
    const { events } = await store.readAll(undefined, { maxCount: 100 });
    expect(resumed.tree.leafIndexOf(events[30]!.id)).toBe(30);
    await resumed.close();

    const rebuilt = await catchUp(join(dir, 'rebuilt.db'));
    expect(Buffer.from(rootAt(37, rebuilt.tree))).toEqual(Buffer.from(rootOf(leaves)));
    await rebuilt.close();
  });

  it('looks up the leaves of many events at once, leaving out the events it lacks', async () => {
    await append(21);
    const { tree, close } = await catchUp(join(dir, 'read-models.db'));
    const { events } = await store.readAll(undefined, { maxCount: 100 });
    const ids = events.map((e) => e.id);
    const unknown = Array.from({ length: 1500 }, (_, n) => `not-in-the-ledger-${n}`);
    const found = tree.leafIndexesOf([ids[20]!, ...unknown, ids[0]!, ids[7]!]);
    expect([...found].sort(([, a], [, b]) => a - b)).toEqual([
      [ids[0], 0],
      [ids[7], 7],
      [ids[20], 20],
    ]);
    expect(tree.leafIndexesOf(ids)).toEqual(new Map(ids.map((id) => [id, tree.leafIndexOf(id)])));
    expect(tree.leafIndexesOf([])).toEqual(new Map());
    await close();
  });

  it('gives proofs that verify against the roots of the leaves', async () => {
    await append(13);
    const { tree, close } = await catchUp(join(dir, 'read-models.db'));
    const leaves = await expectedLeaves();
    for (const size of [1, 5, 8, 13]) {
      const root = rootOf(leaves.slice(0, size));
      for (let index = 0; index < size; index += 1) {
        expect(verifyInclusion(leaves[index]!, index, size, inclusionProof(index, size, tree), root)).toBe(
          true,
        );
      }
      for (let from = 1; from <= size; from += 1) {
        const proof = consistencyProof(from, size, tree);
        expect(verifyConsistency(from, size, proof, rootOf(leaves.slice(0, from)), root)).toBe(true);
      }
    }
    await close();
  });

  it('signs no checkpoint of the empty tree', () => {
    const readModels = new ReadModelDatabase(join(dir, 'read-models.db'));
    const log = CheckpointLog.open(dir);
    const signer = { name: 'example.org/daftar', privateKey: generateKeyPairSync('ed25519').privateKey };
    const checkpoints = new LedgerCheckpoints(new LedgerTree(readModels), log, signer, 'example.org/daftar');
    expect([checkpoints.makeIfGrown(new Date()), log.after(-1, 10)]).toEqual([undefined, []]);
    log.close();
    readModels.close();
  });

  it('signs a checkpoint of the tree when it has grown, and only then', async () => {
    await append(6);
    const { tree, close } = await catchUp(join(dir, 'read-models.db'));
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const log = CheckpointLog.open(dir);
    const checkpoints = new LedgerCheckpoints(
      tree,
      log,
      { name: 'example.org/daftar', privateKey },
      'example.org/daftar',
    );
    const made = checkpoints.makeIfGrown(new Date('2026-01-02T03:04:05Z'))!;
    expect(made).toMatchObject({ size: 6, madeAt: '2026-01-02T03:04:05.000Z' });
    expect(checkpoints.makeIfGrown(new Date())).toBeUndefined();
    const verifier = parseVerifierKey(verifierKeyOf('example.org/daftar', publicKey));
    const { checkpoint } = openCheckpoint(made.note, 'example.org/daftar', [verifier]);
    expect(checkpoint.size).toBe(6);
    expect(Buffer.from(checkpoint.rootHash)).toEqual(Buffer.from(rootOf(await expectedLeaves())));
    expect(checkpoints.after(0, 10)).toEqual([made]);
    log.close();
    await close();
  });

  it('keeps its checkpoints in ledger.db across a deleted read-model file, and stays consistent', async () => {
    const signer = { name: 'example.org/daftar', privateKey: generateKeyPairSync('ed25519').privateKey };
    const readModelsFile = join(dir, 'read-models.db');
    for (const count of [5, 6]) {
      await append(count);
      const server = await catchUp(readModelsFile);
      const kept = CheckpointLog.open(dir);
      new LedgerCheckpoints(server.tree, kept, signer, 'example.org/daftar').makeIfGrown(new Date());
      kept.close();
      await server.close();
    }
    for (const suffix of ['', '-wal', '-shm']) rmSync(readModelsFile + suffix, { force: true });
    const log = CheckpointLog.open(dir);
    const catchingUp = new ReadModelDatabase(readModelsFile);
    const empty = new LedgerCheckpoints(new LedgerTree(catchingUp), log, signer, 'example.org/daftar');
    expect([empty.latest(), empty.makeIfGrown(new Date())]).toEqual([undefined, undefined]);
    catchingUp.close();

    await append(3);
    const rebuilt = await catchUp(readModelsFile);
    const checkpoints = new LedgerCheckpoints(rebuilt.tree, log, signer, 'example.org/daftar');
    expect(checkpoints.after(0, 10).map((c) => c.size)).toEqual([5, 11]);
    const later = checkpoints.makeIfGrown(new Date())!;
    expect(later.size).toBe(14);
    const leaves = await expectedLeaves();
    for (const { size, note } of checkpoints.after(0, 10)) {
      const signedRoot = Buffer.from(parseCheckpoint(note.slice(0, note.indexOf('\n\n') + 1)).rootHash);
      expect(signedRoot).toEqual(Buffer.from(rootOf(leaves.slice(0, size))));
      const proof = consistencyProof(size, 14, rebuilt.tree);
      expect(verifyConsistency(size, 14, proof, signedRoot, rootOf(leaves))).toBe(true);
    }
    await rebuilt.close();
    log.close();
  });

  it('refuses to sign past a kept checkpoint whose root the tree no longer has', async () => {
    const signer = { name: 'example.org/daftar', privateKey: generateKeyPairSync('ed25519').privateKey };
    const log = CheckpointLog.open(dir);
    await append(4);
    const before = await catchUp(join(dir, 'read-models.db'));
    new LedgerCheckpoints(before.tree, log, signer, 'example.org/daftar').makeIfGrown(new Date());
    await before.close();
    await store.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, `events.db${suffix}`), { force: true });
    store = new SqliteEventStore(join(dir, 'events.db'), { pollIntervalMs: 20 });
    await append(7);
    const other = await catchUp(join(dir, 'other-read-models.db'));
    const checkpoints = new LedgerCheckpoints(other.tree, log, signer, 'example.org/daftar');
    expect(() => checkpoints.makeIfGrown(new Date())).toThrow(/no longer has the root/);
    expect(checkpoints.after(0, 10).map((c) => c.size)).toEqual([4]);
    await other.close();
    log.close();
  });
});
