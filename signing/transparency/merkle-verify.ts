import { EMPTY_ROOT, equalHashes, HASH_SIZE, nodeHash } from './merkle-hashes.js';

/**
 * RFC 9162 §2.1.3.2: does `proof` show leaf `index` with hash `leafHash` in the tree of `size`
 * leaves whose root is `root`? Arithmetic, not bit operators, so sizes up to 2^53 work.
 */
export function verifyInclusion(
  leafHash: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (!isCount(index) || !isCount(size) || index >= size) return false;
  if (![leafHash, root, ...proof].every(isHash)) return false;
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r);
      while (!isOdd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      r = nodeHash(r, p);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && equalHashes(r, root);
}

/**
 * RFC 9162 §2.1.4.2: does `proof` show the tree of `from` leaves with `oldRoot` to be a prefix of
 * the tree of `to` leaves with `newRoot`? Equal sizes need equal roots and an empty proof; the
 * empty tree, whose root is fixed, is a prefix of every tree with an empty proof.
 */
export function verifyConsistency(
  from: number,
  to: number,
  proof: readonly Uint8Array[],
  oldRoot: Uint8Array,
  newRoot: Uint8Array,
): boolean {
  if (!isCount(from) || !isCount(to) || from > to) return false;
  if (![oldRoot, newRoot, ...proof].every(isHash)) return false;
  if (from === 0) return proof.length === 0 && equalHashes(oldRoot, EMPTY_ROOT);
  if (from === to) return proof.length === 0 && equalHashes(oldRoot, newRoot);
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(from) ? [oldRoot, ...proof] : proof;
  let fn = from - 1;
  let sn = to - 1;
  while (isOdd(fn)) [fn, sn] = [half(fn), half(sn)];
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!isOdd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      sr = nodeHash(sr, c);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && equalHashes(fr, oldRoot) && equalHashes(sr, newRoot);
}

const isCount = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;
const isHash = (hash: Uint8Array): boolean => hash.length === HASH_SIZE;
const isOdd = (n: number): boolean => n % 2 === 1;
const half = (n: number): number => Math.floor(n / 2);

function isPowerOfTwo(n: number): boolean {
  let p = 1;
  while (p < n) p *= 2;
  return p === n;
}
