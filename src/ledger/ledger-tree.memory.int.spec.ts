import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { leafHash, rootOf } from '../../signing/transparency/merkle-hashes.js';
import { consistencyProof, inclusionProof } from '../../signing/transparency/merkle-proofs.js';
import { rootAt } from '../../signing/transparency/merkle-tree.js';
import { ReadModelDatabase } from '../event-store/subscriptions/read-model-database.js';
import { LedgerTree } from './ledger-tree.js';

/** Enough leaves for nodes above level 10, the ones LedgerTree also keeps in memory. */
const LEAVES = 3000;
const leaves = Array.from({ length: LEAVES }, (_, n) => leafHash(Buffer.from(`event-${n}`)));
const hex = (hash: Uint8Array) => Buffer.from(hash).toString('hex');

describe('LedgerTree, which appends from nodes kept in memory', () => {
  let dir: string;
  const opened: ReadModelDatabase[] = [];

  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'daftar-ledger-tree-'))));
  afterEach(() => {
    opened.splice(0).forEach((db) => db.close());
    rmSync(dir, { recursive: true, force: true });
  });

  function open(): { tree: LedgerTree; append: (hashes: readonly Uint8Array[], fail?: boolean) => void } {
    const readModels = new ReadModelDatabase(join(dir, 'read-models.db'));
    opened.push(readModels);
    const tree = new LedgerTree(readModels);
    const appendAll = readModels.db.transaction((hashes: readonly Uint8Array[], fail: boolean) => {
      tree.append(
        hashes.map((hash, offset) => ({ eventId: `event-${tree.size + offset}`, hash })),
        tree.size,
      );
      if (fail) throw new Error('rolled back');
    });
    return {
      tree,
      append: (hashes, fail = false) => {
        appendAll(hashes, fail);
        tree.committed(tree.size + hashes.length);
      },
    };
  }

  it('stores the same tree across restarts at odd sizes and after a rolled-back page of other leaves', () => {
    let { tree, append } = open();
    for (const [from, to] of [
      [0, 1],
      [1, 700],
      [700, 1025],
    ] as const) {
      append(leaves.slice(from, to));
    }
    // A page that does not commit, of leaves other than those the log then brings.
    const others = Array.from({ length: 1100 }, (_, n) => leafHash(Buffer.from(`other-${n}`)));
    expect(() => append(others, true)).toThrow('rolled back');
    expect(tree.size).toBe(1025);
    append(leaves.slice(1025, 2049));
    append(leaves.slice(2049, 2500));
    for (const size of [1025, 2048, 2500]) {
      expect(hex(rootAt(size, tree))).toBe(hex(rootOf(leaves.slice(0, size))));
    }

    opened[0]!.close();
    opened.length = 0;
    ({ tree, append } = open());
    expect(tree.size).toBe(2500);
    append(leaves.slice(2500, LEAVES));

    const cold = open().tree;
    for (const size of [1, 1024, 1025, 2048, 2049, 2500, LEAVES]) {
      expect(hex(rootAt(size, tree))).toBe(hex(rootOf(leaves.slice(0, size))));
      expect(hex(rootAt(size, cold))).toBe(hex(rootOf(leaves.slice(0, size))));
    }
    for (const index of [0, 1023, 1024, 2048, LEAVES - 1]) {
      expect(inclusionProof(index, LEAVES, tree).map(hex)).toEqual(
        inclusionProof(index, LEAVES, cold).map(hex),
      );
    }
    expect(consistencyProof(1025, LEAVES, tree).map(hex)).toEqual(
      consistencyProof(1025, LEAVES, cold).map(hex),
    );
  });
});
