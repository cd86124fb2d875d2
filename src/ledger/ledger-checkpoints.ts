import type Database from 'better-sqlite3';
import { signCheckpoint } from '../../signing/transparency/checkpoint.js';
import { rootAt } from '../../signing/transparency/merkle-tree.js';
import type { NoteSigner } from '../../signing/transparency/note-verifier-key.js';
import type { LedgerTree } from './ledger-tree.js';

export interface StoredCheckpoint {
  readonly size: number;
  /** The signed note, as served. */
  readonly note: string;
  readonly madeAt: string;
}

/** Every signed checkpoint, one per tree size, kept in the read-model file next to the tree. */
export class LedgerCheckpoints {
  private readonly insert: Database.Statement<[number, string, string]>;
  private readonly latestRow: Database.Statement<[], StoredCheckpoint>;
  private readonly page: Database.Statement<[number, number], StoredCheckpoint>;

  constructor(
    private readonly tree: LedgerTree,
    private readonly signer: NoteSigner,
    readonly origin: string,
  ) {
    const db = tree.readModels.db;
    db.exec(`CREATE TABLE IF NOT EXISTS ledger_checkpoints (
      size INTEGER PRIMARY KEY, note TEXT NOT NULL, made_at TEXT NOT NULL)`);
    const columns = 'size, note, made_at AS madeAt';
    this.insert = db.prepare(
      'INSERT OR IGNORE INTO ledger_checkpoints (size, note, made_at) VALUES (?, ?, ?)',
    );
    this.latestRow = db.prepare(`SELECT ${columns} FROM ledger_checkpoints ORDER BY size DESC LIMIT 1`);
    this.page = db.prepare(`SELECT ${columns} FROM ledger_checkpoints WHERE size > ? ORDER BY size LIMIT ?`);
  }

  latest(): StoredCheckpoint | undefined {
    return this.latestRow.get();
  }

  /** Checkpoints of sizes above `after`, oldest first. */
  after(after: number, limit: number): StoredCheckpoint[] {
    return this.page.all(after, limit);
  }

  /** Signs the tree as it is now, unless the latest checkpoint already has its size. */
  makeIfGrown(now: Date): StoredCheckpoint | undefined {
    const size = this.tree.size;
    const latest = this.latest();
    if (latest && latest.size >= size) return undefined;
    const note = signCheckpoint(
      { origin: this.origin, size, rootHash: rootAt(size, this.tree) },
      this.signer,
    );
    this.insert.run(size, note, now.toISOString());
    return this.latest();
  }
}
