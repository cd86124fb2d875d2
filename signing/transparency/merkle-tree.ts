import { EMPTY_ROOT, nodeHash } from './merkle-hashes.js';

/**
 * Where the tree's complete subtrees are kept: `node(level, index)` is the hash of leaves
 * [index·2^level, (index+1)·2^level), asked only for subtrees complete at the size in question.
 * Stored nodes never change once written, so one store serves every past tree size.
 */
export interface NodeReader {
  node(level: number, index: number): Uint8Array;
}

export interface TreeNode {
  readonly level: number;
  readonly index: number;
  readonly hash: Uint8Array;
}

/**
 * What appending leaf number `size` adds to the store: the leaf and every subtree it completes,
 * bottom up. Reads one left sibling per completed subtree: O(log n).
 */
export function nodesToStoreOnAppend(size: number, leafHash: Uint8Array, reader: NodeReader): TreeNode[] {
  assertSize(size);
  const nodes: TreeNode[] = [{ level: 0, index: size, hash: leafHash }];
  let { level, index, hash } = nodes[0]!;
  while (index % 2 === 1) {
    hash = nodeHash(reader.node(level, index - 1), hash);
    index = (index - 1) / 2;
    level += 1;
    nodes.push({ level, index, hash });
  }
  return nodes;
}

/** MTH of the first `size` leaves, from the complete subtrees of size's binary decomposition. */
export function rootAt(size: number, reader: NodeReader): Uint8Array {
  assertSize(size);
  return size === 0 ? EMPTY_ROOT : rangeHash(0, size, reader);
}

/**
 * MTH(D[start:end]) for a subtree of RFC 9162's recursive split (start a multiple of a power of two
 * at least end − start): its complete subtrees, largest first, folded from the right. Reads
 * popcount(end − start) nodes; one when the range is itself complete.
 */
export function rangeHash(start: number, end: number, reader: NodeReader): Uint8Array {
  const parts: Uint8Array[] = [];
  let from = start;
  for (let width = highestPowerOfTwoAtMost(end - start); from < end; width /= 2) {
    if (from + width > end) continue;
    if (from % width !== 0) throw new RangeError(`[${start}, ${end}) is not a subtree of the Merkle tree`);
    parts.push(reader.node(Math.log2(width), from / width));
    from += width;
  }
  return parts.reduceRight((right, left) => nodeHash(left, right));
}

function highestPowerOfTwoAtMost(n: number): number {
  let p = 1;
  while (p * 2 <= n) p *= 2;
  return p;
}

export function assertSize(size: number): void {
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`invalid tree size ${size}`);
}
