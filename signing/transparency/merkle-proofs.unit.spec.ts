import fc from 'fast-check';
import { leafHash, rootOf } from './merkle-hashes.js';
import { consistencyProof, inclusionProof } from './merkle-proofs.js';
import { verifyConsistency, verifyInclusion } from './merkle-verify.js';
import type { NodeReader } from './merkle-tree.js';
import { MemoryNodeStore } from './memory-node-store.js';
import { CONSISTENCY_PROOFS, hex, INCLUSION_PROOFS, LEAF_INPUTS } from './rfc6962.fixtures.js';

function storeOf(leaves: readonly Uint8Array[]): MemoryNodeStore {
  const store = new MemoryNodeStore();
  leaves.forEach((leaf) => store.append(leaf));
  return store;
}

/** Counts node reads: a proof must cost O(log n) of them, never a walk over the tree. */
function counting(store: NodeReader): { reader: NodeReader; reads: () => number } {
  let reads = 0;
  const reader: NodeReader = {
    node: (level, index) => {
      reads += 1;
      return store.node(level, index);
    },
  };
  return { reader, reads: () => reads };
}

const testTree = storeOf(LEAF_INPUTS.map((input) => leafHash(hex(input))));

describe('proofs built from the node store', () => {
  it.each(INCLUSION_PROOFS)('builds the reference audit path of leaf $index in size $size', (vector) => {
    expect(inclusionProof(vector.index, vector.size, testTree)).toEqual(vector.proof.map(hex));
  });

  it.each(CONSISTENCY_PROOFS)('builds the reference consistency proof $from → $to', (vector) => {
    expect(consistencyProof(vector.from, vector.to, testTree)).toEqual(vector.proof.map(hex));
  });

  it('refuses leaves outside the tree and proofs backwards', () => {
    expect(() => inclusionProof(8, 8, testTree)).toThrow(RangeError);
    expect(() => inclusionProof(-1, 8, testTree)).toThrow(RangeError);
    expect(() => consistencyProof(5, 4, testTree)).toThrow(RangeError);
    expect(consistencyProof(0, 8, testTree)).toEqual([]);
  });

  const leafHashes = (size: number): Uint8Array[] =>
    Array.from({ length: size }, (_, i) => leafHash(Uint8Array.of(i % 256, Math.floor(i / 256))));
  const readBound = (size: number): number => 2 * Math.ceil(Math.log2(size)) + 2;

  it('verifies every inclusion proof against the whole-tree root, in O(log n) reads', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }).chain((size) => fc.tuple(fc.constant(size), fc.nat(size - 1))),
        ([size, index]) => {
          const leaves = leafHashes(size);
          const { reader, reads } = counting(storeOf(leaves));
          const proof = inclusionProof(index, size, reader);
          expect(reads()).toBeLessThanOrEqual(readBound(size));
          expect(verifyInclusion(leaves[index]!, index, size, proof, rootOf(leaves))).toBe(true);
        },
      ),
    );
  });

  it('verifies every consistency proof against the whole-tree roots, in O(log n) reads', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }).chain((to) => fc.tuple(fc.nat(to), fc.constant(to))),
        ([from, to]) => {
          const leaves = leafHashes(to);
          const { reader, reads } = counting(storeOf(leaves));
          const proof = consistencyProof(from, to, reader);
          expect(reads()).toBeLessThanOrEqual(readBound(to));
          expect(verifyConsistency(from, to, proof, rootOf(leaves.slice(0, from)), rootOf(leaves))).toBe(
            true,
          );
        },
      ),
    );
  });

  it('keeps proofs in a million-leaf tree within the same logarithmic read budget', () => {
    const size = 1_000_003;
    const anyNode: NodeReader = { node: (level, index) => leafHash(Uint8Array.of(level, index % 256)) };
    const { reader, reads } = counting(anyNode);
    inclusionProof(size - 2, size, reader);
    consistencyProof(size - 1_000, size, reader);
    expect(reads()).toBeLessThanOrEqual(2 * readBound(size));
  });
});
