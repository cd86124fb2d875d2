import type Database from 'better-sqlite3';
import { type NodeReader, nodesToStoreOnAppend } from '../../signing/transparency/merkle-tree.js';
import type { ReadModelDatabase } from '../event-store/subscriptions/read-model-database.js';

/**
 * The ledger's Merkle tree in the read-model file, kept as its complete subtrees (level, index → hash)
 * with the event each leaf is. Appending costs one read and one write per level; nodes never change.
 */
export class LedgerTree implements NodeReader {
  private readonly getNode: Database.Statement<[number, number], { hash: Buffer }>;
  private readonly putNode: Database.Statement<[number, number, Buffer]>;
  private readonly putLeaf: Database.Statement<[number, string]>;
  private readonly getLeafIndex: Database.Statement<[string], { leaf: number }>;
  private leaves: number;

  constructor(readonly readModels: ReadModelDatabase) {
    const db = readModels.db;
    db.exec(`CREATE TABLE IF NOT EXISTS ledger_nodes (
      level INTEGER NOT NULL, idx INTEGER NOT NULL, hash BLOB NOT NULL, PRIMARY KEY (level, idx)) WITHOUT ROWID`);
    db.exec(`CREATE TABLE IF NOT EXISTS ledger_leaves (
      leaf INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE)`);
    this.getNode = db.prepare('SELECT hash FROM ledger_nodes WHERE level = ? AND idx = ?');
    this.putNode = db.prepare('INSERT INTO ledger_nodes (level, idx, hash) VALUES (?, ?, ?)');
    this.putLeaf = db.prepare('INSERT INTO ledger_leaves (leaf, event_id) VALUES (?, ?)');
    this.getLeafIndex = db.prepare('SELECT leaf FROM ledger_leaves WHERE event_id = ?');
    this.leaves = db.prepare<[], { size: number }>('SELECT count(*) AS size FROM ledger_leaves').get()!.size;
  }

  /** The number of leaves committed so far. */
  get size(): number {
    return this.leaves;
  }

  node(level: number, index: number): Uint8Array {
    const row = this.getNode.get(level, index);
    if (!row) throw new RangeError(`no complete subtree at level ${level}, index ${index}`);
    return new Uint8Array(row.hash);
  }

  leafIndexOf(eventId: string): number | undefined {
    return this.getLeafIndex.get(eventId)?.leaf;
  }

  /** Leaf number `at`, inside the caller's transaction; `committed` moves the size on once it commits. */
  append(eventId: string, leafHash: Uint8Array, at: number): void {
    for (const { level, index, hash } of nodesToStoreOnAppend(at, leafHash, this)) {
      this.putNode.run(level, index, Buffer.from(hash));
    }
    this.putLeaf.run(at, eventId);
  }

  /** After the transaction holding `append`s commits: the tree now has `size` leaves. */
  committed(size: number): void {
    this.leaves = size;
  }
}
