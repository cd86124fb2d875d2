import { nodesToStoreOnAppend, rootAt, type NodeReader } from './merkle-tree.js';

/**
 * A tree grown leaf by leaf that keeps only its frontier: the newest complete subtree of each level.
 * Appending and the root read nothing else, so recomputing a log of n leaves holds O(log n) hashes.
 */
export class MerkleFrontier implements NodeReader {
  private readonly newest: { index: number; hash: Uint8Array }[] = [];
  private leaves = 0;

  get size(): number {
    return this.leaves;
  }

  append(leafHash: Uint8Array): void {
    for (const { level, index, hash } of nodesToStoreOnAppend(this.leaves, leafHash, this)) {
      this.newest[level] = { index, hash };
    }
    this.leaves += 1;
  }

  /** The root of the leaves appended so far. */
  root(): Uint8Array {
    return rootAt(this.leaves, this);
  }

  node(level: number, index: number): Uint8Array {
    const kept = this.newest[level];
    if (kept?.index !== index) throw new RangeError(`no frontier subtree at level ${level}, index ${index}`);
    return kept.hash;
  }
}
