import { largestPowerOfTwoBelow } from './merkle-hashes.js';
import { assertSize, rangeHash, type NodeReader } from './merkle-tree.js';

/**
 * RFC 9162 §2.1.3.1 PATH(index, D[size]), leaf side first, as §2.1.3.2 verifies it. Every hash is
 * a complete stored node except one right-hand remainder: at most about 2·log2(size) reads.
 */
export function inclusionProof(index: number, size: number, reader: NodeReader): Uint8Array[] {
  assertSize(size);
  if (!Number.isSafeInteger(index) || index < 0 || index >= size) {
    throw new RangeError(`leaf ${index} is not in a tree of size ${size}`);
  }
  const proof: Uint8Array[] = [];
  path(index, 0, size);
  return proof;

  function path(m: number, start: number, n: number): void {
    if (n === 1) return;
    const k = largestPowerOfTwoBelow(n);
    if (m < k) {
      path(m, start, k);
      proof.push(rangeHash(start + k, start + n, reader));
    } else {
      path(m - k, start + k, n - k);
      proof.push(rangeHash(start, start + k, reader));
    }
  }
}

/**
 * RFC 9162 §2.1.4.1 PROOF(from, D[to]) in the order §2.1.4.2 verifies it; empty when from is 0 or
 * equals to. O(log to) reads, as for inclusion.
 */
export function consistencyProof(from: number, to: number, reader: NodeReader): Uint8Array[] {
  assertSize(from);
  assertSize(to);
  if (from > to) throw new RangeError(`no consistency proof from size ${from} back to ${to}`);
  const proof: Uint8Array[] = [];
  if (from > 0 && from < to) subproof(from, 0, to, true);
  return proof;

  function subproof(m: number, start: number, n: number, startsAtOldRoot: boolean): void {
    if (m === n) {
      if (!startsAtOldRoot) proof.push(rangeHash(start, start + n, reader));
      return;
    }
    const k = largestPowerOfTwoBelow(n);
    if (m <= k) {
      subproof(m, start, k, startsAtOldRoot);
      proof.push(rangeHash(start + k, start + n, reader));
    } else {
      subproof(m - k, start + k, n - k, false);
      proof.push(rangeHash(start, start + k, reader));
    }
  }
}
