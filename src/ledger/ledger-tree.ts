import type Database from 'better-sqlite3';
import {
  type NodeReader,
  nodesToStoreOnAppend,
  type TreeNode,
} from '../../signing/transparency/merkle-tree.js';
import { HASH_SIZE } from '../../signing/transparency/merkle-hashes.js';
import type { ReadModelDatabase } from '../event-store/subscriptions/read-model-database.js';

/**
 * Nodes from this level up are kept in memory as well: about a thousandth of the nodes, yet the half of
 * a large tree's proof reads that lie above it (a proof reads one node per level).
 */
const MEMORY_LEVELS = 10;

/**
 * Rows per INSERT: one statement per power of two up to this, so a page of leaves is a few statements
 * (50 = 32 + 16 + 2) instead of one per leaf; a run cost about 1 µs besides the rows it writes.
 */
const MAX_ROWS_PER_INSERT = 64;

/** leaf, event_id, nodes of each row in turn: better-sqlite3 binds an array's items in order. */
type LeafRows = (number | string | Buffer)[];

export interface LedgerLeaf {
  readonly eventId: string;
  readonly hash: Uint8Array;
}

/** The subscriber that appends to the tree, and the layout its checkpoint was saved with. */
export const LEDGER_TREE_SUBSCRIBER = 'ledger:tree';
export const TREE_VERSION = 2;

/**
 * The ledger's Merkle tree in the read-model file, kept as its complete subtrees (level, index → hash)
 * with the event each leaf is. Appending writes the nodes it completes and reads none: the left siblings
 * it needs are the last node stored at their level, kept in memory. Nodes never change.
 *
 * Leaf i completes the subtrees (l, (i + 1) / 2^l − 1) for l = 0 up to its number of trailing 1 bits, so
 * its one row holds their hashes, level by level: an append is one row, and any node one row read.
 */
export class LedgerTree implements NodeReader {
  private readonly getNode: Database.Statement<[number, number], Buffer>;
  /** INSERTs of 1, 2, 4 … MAX_ROWS_PER_INSERT rows, by row count, prepared when first needed. */
  private readonly putLeaves = new Map<number, Database.Statement<[LeafRows]>>();
  private readonly getLeafIndex: Database.Statement<[string], { leaf: number }>;
  private readonly getLeafIndexes: Database.Statement<[string], [string, number]>;
  private leaves: number;
  /**
   * The last node appended at each level. One that a rolled-back transaction left here (or in the upper
   * levels) holds a leaf past the committed size: no proof reads it, and the next appends store that node
   * again before any of them reads it.
   */
  private readonly lastAppended: TreeNode[] = [];
  private readonly leftSiblings: NodeReader = {
    node: (level, index) => {
      const last = this.lastAppended[level];
      return last?.index === index ? last.hash : this.node(level, index);
    },
  };
  /** Nodes at MEMORY_LEVELS and above, by level − MEMORY_LEVELS and index; as lasting as the stored ones. */
  private readonly upperLevels: Map<number, Uint8Array>[] = [];

  constructor(readonly readModels: ReadModelDatabase) {
    const db = readModels.db;
    db.transaction(() => {
      // A tree stored in another layout is rebuilt from the log: the subscriber starts over.
      if (readModels.checkpoint(LEDGER_TREE_SUBSCRIBER)?.version !== TREE_VERSION) {
        db.exec('DROP TABLE IF EXISTS ledger_nodes; DROP TABLE IF EXISTS ledger_leaves');
        readModels.saveCheckpoint(LEDGER_TREE_SUBSCRIBER, undefined, TREE_VERSION);
      }
      db.exec(`CREATE TABLE IF NOT EXISTS ledger_leaves (
        leaf INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, nodes BLOB NOT NULL)`);
    })();
    this.getNode = db
      .prepare<[number, number], Buffer>(
        `SELECT substr(nodes, ?, ${HASH_SIZE}) FROM ledger_leaves WHERE leaf = ?`,
      )
      .pluck();
    this.getLeafIndex = db.prepare('SELECT leaf FROM ledger_leaves WHERE event_id = ?');
    // The ids as one JSON array: one statement for any number, each looked up in event_id's index.
    this.getLeafIndexes = db
      .prepare<[string], [string, number]>(
        `SELECT l.event_id, l.leaf FROM json_each(?) AS ids
         JOIN ledger_leaves AS l ON l.event_id = ids.value`,
      )
      .raw();
    this.leaves = db.prepare<[], { size: number }>('SELECT count(*) AS size FROM ledger_leaves').get()!.size;
  }

  /** The number of leaves committed so far. */
  get size(): number {
    return this.leaves;
  }

  node(level: number, index: number): Uint8Array {
    const kept = this.upperLevels[level - MEMORY_LEVELS]?.get(index);
    if (kept) return kept;
    const stored = this.getNode.get(1 + level * HASH_SIZE, (index + 1) * 2 ** level - 1);
    if (stored?.length !== HASH_SIZE)
      throw new RangeError(`no complete subtree at level ${level}, index ${index}`);
    const hash = new Uint8Array(stored);
    this.keep(level, index, hash);
    return hash;
  }

  leafIndexOf(eventId: string): number | undefined {
    return this.getLeafIndex.get(eventId)?.leaf;
  }

  /** The leaf index of each of these events the ledger has, in one query: a page's worth at once. */
  leafIndexesOf(eventIds: readonly string[]): Map<string, number> {
    if (eventIds.length === 0) return new Map();
    return new Map(this.getLeafIndexes.all(JSON.stringify(eventIds)));
  }

  /**
   * Leaves number `at`, `at` + 1 …, inside the caller's transaction; `committed` moves the size on once
   * it commits.
   */
  append(leaves: readonly LedgerLeaf[], at: number): void {
    for (let done = 0; done < leaves.length;) {
      let rows = MAX_ROWS_PER_INSERT;
      while (rows > leaves.length - done) rows /= 2;
      const values: LeafRows = [];
      for (let leaf = at + done; leaf < at + done + rows; leaf += 1) {
        const { eventId, hash } = leaves[leaf - at]!;
        values.push(leaf, eventId, this.completedNodes(leaf, hash));
      }
      this.insertOf(rows).run(values);
      done += rows;
    }
  }

  /** The hashes of the subtrees leaf `leaf` completes, level by level: its row's `nodes`. */
  private completedNodes(leaf: number, leafHash: Uint8Array): Buffer {
    const completed = nodesToStoreOnAppend(leaf, leafHash, this.leftSiblings);
    const hashes = Buffer.allocUnsafe(completed.length * HASH_SIZE);
    for (const node of completed) {
      hashes.set(node.hash, node.level * HASH_SIZE);
      this.lastAppended[node.level] = node;
      this.keep(node.level, node.index, node.hash);
    }
    return hashes;
  }

  private insertOf(rows: number): Database.Statement<[LeafRows]> {
    let insert = this.putLeaves.get(rows);
    if (!insert) {
      const values = Array.from({ length: rows }, () => '(?, ?, ?)').join(', ');
      insert = this.readModels.db.prepare<[LeafRows]>(
        `INSERT INTO ledger_leaves (leaf, event_id, nodes) VALUES ${values}`,
      );
      this.putLeaves.set(rows, insert);
    }
    return insert;
  }

  private keep(level: number, index: number, hash: Uint8Array): void {
    if (level >= MEMORY_LEVELS) (this.upperLevels[level - MEMORY_LEVELS] ??= new Map()).set(index, hash);
  }

  /** After the transaction holding `append`s commits: the tree now has `size` leaves. */
  committed(size: number): void {
    this.leaves = size;
  }
}
