import type Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { openReadOnlyDatabase } from '../../event-store/sqlite/sqlite-schema.js';
import { HASH_SIZE } from '../../../signing/transparency/merkle-hashes.js';
import { LEDGER_TREE_SUBSCRIBER, TREE_VERSION } from '../ledger-tree.js';

export interface StoredLeaf {
  readonly eventId: string;
  readonly hash: Uint8Array;
}

/** The leaves of the tree the server keeps in the read-model file, read beside it without writing. */
export class StoredLeaves {
  private readonly getLeaf: Database.Statement<[number], { eventId: string; hash: Buffer }>;

  private constructor(
    private readonly db: Database.Database,
    readonly size: number,
  ) {
    // A leaf's own hash is the first of the node hashes its row holds.
    this.getLeaf = db.prepare(
      `SELECT event_id AS eventId, substr(nodes, 1, ${HASH_SIZE}) AS hash FROM ledger_leaves WHERE leaf = ?`,
    );
  }

  /** Undefined when the file holds no tree (never made, deleted for a rebuild, or of another layout). */
  static openReadOnly(file: string): StoredLeaves | undefined {
    if (!existsSync(file)) return undefined;
    const db = openReadOnlyDatabase(file);
    const tables = db
      .prepare<[], { name: string }>(
        `SELECT name FROM sqlite_master WHERE type = 'table'
         AND name IN ('ledger_leaves', 'subscriber_checkpoints')`,
      )
      .all();
    const version =
      tables.length === 2
        ? db
            .prepare<[string], number>('SELECT version FROM subscriber_checkpoints WHERE name = ?')
            .pluck()
            .get(LEDGER_TREE_SUBSCRIBER)
        : undefined;
    if (version !== TREE_VERSION) {
      db.close();
      return undefined;
    }
    const { size } = db.prepare<[], { size: number }>('SELECT count(*) AS size FROM ledger_leaves').get()!;
    return new StoredLeaves(db, size);
  }

  leaf(index: number): StoredLeaf | undefined {
    const row = this.getLeaf.get(index);
    return row && { eventId: row.eventId, hash: new Uint8Array(row.hash) };
  }

  close(): void {
    this.db.close();
  }
}
