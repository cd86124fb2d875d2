import { createHash, hash } from 'node:crypto';

/** RFC 9162 §2.1.1 with SHA-256: every hash in the tree is this long. */
export const HASH_SIZE = 32;

/** MTH({}) = SHA-256 of the empty string. */
export const EMPTY_ROOT: Uint8Array = sha256();

/** SHA-256(0x00 ‖ entry): the prefix keeps a leaf from ever passing for a node. */
export function leafHash(entry: Uint8Array): Uint8Array {
  return sha256(Uint8Array.of(0x00), entry);
}

/** 0x01 ‖ left ‖ right, filled in place: the ledger hashes about one node per leaf it appends. */
const nodeInput = Buffer.alloc(1 + 2 * HASH_SIZE, 0x01);

/** SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  if (left.length !== HASH_SIZE || right.length !== HASH_SIZE)
    throw new RangeError(`a node joins two ${HASH_SIZE}-byte hashes`);
  nodeInput.set(left, 1);
  nodeInput.set(right, 1 + HASH_SIZE);
  const digest = hash('sha256', nodeInput, 'buffer');
  return new Uint8Array(digest.buffer, digest.byteOffset, digest.length);
}

/** MTH over leaf hashes in log order, computed whole: O(n), for checks and tests, not for the ledger. */
export function rootOf(leafHashes: readonly Uint8Array[]): Uint8Array {
  if (leafHashes.length === 0) return EMPTY_ROOT;
  if (leafHashes.length === 1) return leafHashes[0]!;
  const k = largestPowerOfTwoBelow(leafHashes.length);
  return nodeHash(rootOf(leafHashes.slice(0, k)), rootOf(leafHashes.slice(k)));
}

/** The k of RFC 9162's split: the largest power of two strictly smaller than n (n ≥ 2). */
export function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

export function equalHashes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sha256(...parts: Uint8Array[]): Uint8Array {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return new Uint8Array(hash.digest());
}
