import { parseCheckpoint, signCheckpoint } from '../../signing/transparency/checkpoint.js';
import { equalHashes } from '../../signing/transparency/merkle-hashes.js';
import { rootAt } from '../../signing/transparency/merkle-tree.js';
import type { NoteSigner } from '../../signing/transparency/note-verifier-key.js';
import type { CheckpointLog, StoredCheckpoint } from './checkpoint-log.js';
import type { LedgerTree } from './ledger-tree.js';

export type { StoredCheckpoint } from './checkpoint-log.js';

/** The tree's signed checkpoints: kept in the durable checkpoint log, made as the tree grows. */
export class LedgerCheckpoints {
  constructor(
    private readonly tree: LedgerTree,
    private readonly log: CheckpointLog,
    private readonly signer: NoteSigner,
    readonly origin: string,
  ) {}

  /**
   * The newest checkpoint the tree has reached: after a rebuild of the read models the tree catches up
   * with checkpoints signed before, and proofs are given against those it can already prove.
   */
  latest(): StoredCheckpoint | undefined {
    return this.log.latest(this.tree.size);
  }

  /** Checkpoints of sizes above `after`, oldest first. */
  after(after: number, limit: number): StoredCheckpoint[] {
    return this.log.after(after, limit);
  }

  /**
   * Signs the tree as it is now, once it has grown past every checkpoint kept, and only when it
   * still has the root signed last: a log rewritten under a kept checkpoint must never get a new one.
   */
  makeIfGrown(now: Date): StoredCheckpoint | undefined {
    const size = this.tree.size;
    const latest = this.log.latest();
    // An empty tree commits to nothing: its checkpoint would only be hidden by after(0).
    if (size === 0 || (latest && latest.size >= size)) return undefined;
    if (latest) this.requireSameRoot(latest);
    const note = signCheckpoint(
      { origin: this.origin, size, rootHash: rootAt(size, this.tree) },
      this.signer,
    );
    this.log.add({ size, note, madeAt: now.toISOString() });
    return this.log.latest();
  }

  private requireSameRoot(signed: StoredCheckpoint): void {
    const { rootHash } = parseCheckpoint(signed.note.slice(0, signed.note.indexOf('\n\n') + 1));
    if (!equalHashes(rootHash, rootAt(signed.size, this.tree))) {
      throw new Error(
        `The tree of ${signed.size} leaves no longer has the root of the checkpoint signed at that size: ` +
          'the log was changed; run npm run ledger:verify',
      );
    }
  }
}
