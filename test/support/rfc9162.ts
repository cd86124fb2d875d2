import { createHash, createPublicKey, verify } from 'node:crypto';

// RFC 9162 and C2SP signed notes written out here, apart from the production code, so that a shared
// mistake cannot hide.

export const sha256 = (...parts: Uint8Array[]): Buffer => {
  const hash = createHash('sha256');
  parts.forEach((part) => hash.update(part));
  return hash.digest();
};
export const hashLeaf = (entry: Uint8Array) => sha256(Buffer.of(0), entry);
export const hashChildren = (left: Uint8Array, right: Uint8Array) => sha256(Buffer.of(1), left, right);
export const fromBase64 = (hashes: readonly string[]) => hashes.map((h) => Buffer.from(h, 'base64'));

/**
 * §2.1.1 MTH over leaves [lo, hi), with the largest power of two below the width as the split;
 * `known` may answer a complete subtree's hash (a tile's) instead of recursing into it.
 */
export function merkleTreeHash(
  leaves: readonly Buffer[],
  lo = 0,
  hi = leaves.length,
  known: (lo: number, hi: number) => Buffer | undefined = () => undefined,
): Buffer {
  const n = hi - lo;
  if (n === 0) return sha256();
  if (n === 1) return leaves[lo]!;
  const given = known(lo, hi);
  if (given) return given;
  let k = 1;
  while (k * 2 < n) k *= 2;
  return hashChildren(merkleTreeHash(leaves, lo, lo + k, known), merkleTreeHash(leaves, lo + k, hi, known));
}

/** §2.1.3.2, step by step. */
export function rfcVerifyInclusion(
  index: number,
  size: number,
  leaf: Buffer,
  proof: Buffer[],
  root: Buffer,
): boolean {
  if (index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = hashChildren(p, r);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn >> 1, sn >> 1];
    } else {
      r = hashChildren(r, p);
    }
    [fn, sn] = [fn >> 1, sn >> 1];
  }
  return sn === 0 && r.equals(root);
}

/** §2.1.4.2, step by step. */
export function rfcVerifyConsistency(
  first: number,
  second: number,
  proof: Buffer[],
  firstRoot: Buffer,
  secondRoot: Buffer,
) {
  if (first === second) return proof.length === 0 && firstRoot.equals(secondRoot);
  if (first === 0 || first > second || proof.length === 0) return false;
  const path = (first & (first - 1)) === 0 ? [firstRoot, ...proof] : proof;
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) [fn, sn] = [fn >> 1, sn >> 1];
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn >> 1, sn >> 1];
    } else {
      sr = hashChildren(sr, c);
    }
    [fn, sn] = [fn >> 1, sn >> 1];
  }
  return fr.equals(firstRoot) && sr.equals(secondRoot) && sn === 0;
}

export interface OpenedCheckpoint {
  readonly origin: string;
  readonly size: number;
  readonly root: Buffer;
}

/**
 * C2SP signed-note and tlog-checkpoint: the verifier key `<name>+<hex id>+<base64(0x01 ‖ key)>`; a
 * signature line `— <name> <base64(4-byte id ‖ Ed25519 signature over the text)>`.
 */
export function openNote(note: string, verifierKey: string): OpenedCheckpoint {
  // The base64 key may hold '+' too: only the first two separate.
  const [, name, id, encoded] = /^([^+]+)\+([0-9a-f]{8})\+(.+)$/.exec(verifierKey.trim()) ?? [];
  const key = Buffer.from(encoded!, 'base64');
  if (key[0] !== 0x01 || key.length !== 33) throw new Error('not an Ed25519 verifier key');
  const keyId = sha256(Buffer.from(`${name}\n`), key).subarray(0, 4);
  if (keyId.toString('hex') !== id) throw new Error('the key id does not match the key');
  const split = note.lastIndexOf('\n\n');
  const text = note.slice(0, split + 1);
  const line = note
    .slice(split + 2)
    .split('\n')
    .find((l) => l.startsWith(`— ${name} `));
  if (!line) throw new Error('no signature by this key');
  const signature = Buffer.from(line.slice(`— ${name} `.length), 'base64');
  if (!signature.subarray(0, 4).equals(keyId)) throw new Error('the signature names another key id');
  const publicKey = createPublicKey({
    key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), key.subarray(1)]),
    format: 'der',
    type: 'spki',
  });
  if (!verify(null, Buffer.from(text, 'utf8'), publicKey, signature.subarray(4))) {
    throw new Error('the signature does not verify');
  }
  const [origin, size, root] = text.split('\n');
  return { origin: origin!, size: Number(size), root: Buffer.from(root!, 'base64') };
}
