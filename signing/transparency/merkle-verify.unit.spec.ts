import { EMPTY_ROOT, leafHash } from './merkle-hashes.js';
import { verifyConsistency, verifyInclusion } from './merkle-verify.js';
import { CONSISTENCY_PROOFS, hex, INCLUSION_PROOFS, LEAF_INPUTS, ROOTS } from './rfc6962.fixtures.js';

const leaves = LEAF_INPUTS.map((input) => leafHash(hex(input)));
const roots = ROOTS.map(hex);
const someHash = hex('abacaba000000000000000000000000000000000000000000060061e00123456');

function flipped(proof: readonly Uint8Array[], at: number): Uint8Array[] {
  return proof.map((hash, i) => (i === at ? hash.map((byte, j) => (j === 0 ? byte ^ 8 : byte)) : hash));
}

describe('verifyInclusion (RFC 9162 §2.1.3.2)', () => {
  const vectors = INCLUSION_PROOFS.map(({ index, size, proof }) => ({ index, size, proof: proof.map(hex) }));

  it.each(vectors)(
    'accepts the reference audit path of leaf $index in size $size',
    ({ index, size, proof }) => {
      expect(verifyInclusion(leaves[index]!, index, size, proof, roots[size]!)).toBe(true);
    },
  );

  it.each(vectors.filter(({ size }) => size > 1))(
    'refuses every corruption of the path of leaf $index in size $size',
    ({ index, size, proof }) => {
      const leaf = leaves[index]!;
      const root = roots[size]!;
      const corruptions: [string, boolean][] = [
        ['index - 1', verifyInclusion(leaf, index - 1, size, proof, root)],
        ['index + 1', verifyInclusion(leaf, index + 1, size, proof, root)],
        ['index ^ 2', verifyInclusion(leaf, index ^ 2, size, proof, root)],
        ['size * 2', verifyInclusion(leaf, index, size * 2, proof, root)],
        ['size / 2', verifyInclusion(leaf, index, Math.floor(size / 2), proof, root)],
        ['other leaf', verifyInclusion(leaves[(index + 1) % size]!, index, size, proof, root)],
        ['short leaf', verifyInclusion(hex('0102'), index, size, proof, root)],
        ['empty-tree root', verifyInclusion(leaf, index, size, proof, EMPTY_ROOT)],
        ['other root', verifyInclusion(leaf, index, size, proof, someHash)],
        ['trailing root', verifyInclusion(leaf, index, size, [...proof, root], root)],
        ['trailing garbage', verifyInclusion(leaf, index, size, [...proof, new Uint8Array()], root)],
        ['preceding root', verifyInclusion(leaf, index, size, [root, ...proof], root)],
        ['truncated', verifyInclusion(leaf, index, size, proof.slice(0, -1), root)],
        ['inserted', verifyInclusion(leaf, index, size, [proof[0]!, someHash, ...proof.slice(1)], root)],
        ...proof.map((_, i): [string, boolean] => [
          `flipped bit in proof[${i}]`,
          verifyInclusion(leaf, index, size, flipped(proof, i), root),
        ]),
      ];
      expect(corruptions.filter(([, verified]) => verified).map(([name]) => name)).toEqual([]);
    },
  );

  it('refuses leaves outside the tree, however the hashes line up', () => {
    expect(verifyInclusion(leaves[0]!, 0, 0, [], leaves[0]!)).toBe(false);
    expect(verifyInclusion(leaves[0]!, 1, 1, [], leaves[0]!)).toBe(false);
    expect(verifyInclusion(leaves[0]!, -1, 1, [], leaves[0]!)).toBe(false);
    expect(verifyInclusion(leaves[0]!, 0.5, 1, [], leaves[0]!)).toBe(false);
  });
});

describe('verifyConsistency (RFC 9162 §2.1.4.2)', () => {
  const vectors = CONSISTENCY_PROOFS.map(({ from, to, proof }) => ({ from, to, proof: proof.map(hex) }));

  it.each(vectors)('accepts the reference proof $from → $to', ({ from, to, proof }) => {
    expect(verifyConsistency(from, to, proof, roots[from]!, roots[to]!)).toBe(true);
  });

  it.each(vectors.filter(({ proof }) => proof.length > 0))(
    'refuses every corruption of the proof $from → $to',
    ({ from, to, proof }) => {
      const [oldRoot, newRoot] = [roots[from]!, roots[to]!];
      const corruptions: [string, boolean][] = [
        ['from - 1', verifyConsistency(from - 1, to, proof, oldRoot, newRoot)],
        ['from + 1', verifyConsistency(from + 1, to, proof, oldRoot, newRoot)],
        ['from ^ 2', verifyConsistency(from ^ 2, to, proof, oldRoot, newRoot)],
        ['to * 2', verifyConsistency(from, to * 2, proof, oldRoot, newRoot)],
        ['to / 2', verifyConsistency(from, Math.floor(to / 2), proof, oldRoot, newRoot)],
        ['other old root', verifyConsistency(from, to, proof, someHash, newRoot)],
        ['other new root', verifyConsistency(from, to, proof, oldRoot, someHash)],
        ['swapped roots', verifyConsistency(from, to, proof, newRoot, oldRoot)],
        ['empty proof', verifyConsistency(from, to, [], oldRoot, newRoot)],
        ['truncated', verifyConsistency(from, to, proof.slice(0, -1), oldRoot, newRoot)],
        ['trailing new root', verifyConsistency(from, to, [...proof, newRoot], oldRoot, newRoot)],
        ['trailing garbage', verifyConsistency(from, to, [...proof, new Uint8Array()], oldRoot, newRoot)],
        ['preceding old root', verifyConsistency(from, to, [oldRoot, ...proof], oldRoot, newRoot)],
        ['preceding proof[0]', verifyConsistency(from, to, [proof[0]!, ...proof], oldRoot, newRoot)],
        ...proof.map((_, i): [string, boolean] => [
          `flipped bit in proof[${i}]`,
          verifyConsistency(from, to, flipped(proof, i), oldRoot, newRoot),
        ]),
      ];
      expect(corruptions.filter(([, verified]) => verified).map(([name]) => name)).toEqual([]);
    },
  );

  it('needs equal roots and no proof for equal sizes, and the empty-tree root for size 0', () => {
    expect(verifyConsistency(3, 3, [], roots[3]!, roots[3]!)).toBe(true);
    expect(verifyConsistency(3, 3, [], roots[3]!, roots[4]!)).toBe(false);
    expect(verifyConsistency(3, 3, [EMPTY_ROOT], roots[3]!, roots[3]!)).toBe(false);
    expect(verifyConsistency(0, 5, [], EMPTY_ROOT, roots[5]!)).toBe(true);
    expect(verifyConsistency(0, 5, [], roots[1]!, roots[5]!)).toBe(false);
    expect(verifyConsistency(0, 5, [EMPTY_ROOT], EMPTY_ROOT, roots[5]!)).toBe(false);
    expect(verifyConsistency(5, 4, [], roots[5]!, roots[4]!)).toBe(false);
  });
});
