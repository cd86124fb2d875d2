import { nodesToStoreOnAppend, type NodeReader } from './merkle-tree.js';

/** The node store kept in memory: for recomputing a whole tree (verification, tests). */
export class MemoryNodeStore implements NodeReader {
  private readonly levels: Uint8Array[][] = [];
  private leaves = 0;

  get size(): number {
    return this.leaves;
  }

  append(leafHash: Uint8Array): void {
    for (const { level, index, hash } of nodesToStoreOnAppend(this.leaves, leafHash, this)) {
      (this.levels[level] ??= [])[index] = hash;
    }
    this.leaves += 1;
  }

  node(level: number, index: number): Uint8Array {
    const hash = this.levels[level]?.[index];
    if (hash === undefined) throw new RangeError(`no complete subtree at level ${level}, index ${index}`);
    return hash;
  }
}
