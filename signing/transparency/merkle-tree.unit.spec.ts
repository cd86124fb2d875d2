import { EMPTY_ROOT, leafHash, nodeHash, rootOf } from './merkle-hashes.js';
import { nodesToStoreOnAppend, rangeHash, rootAt, type NodeReader } from './merkle-tree.js';
import { MemoryNodeStore } from './memory-node-store.js';
import { hex, LEAF_INPUTS, NODE_HASHES, ROOTS, toHex } from './rfc6962.fixtures.js';

const leaves = LEAF_INPUTS.map((input) => leafHash(hex(input)));

describe('RFC 9162 Merkle tree hashes (RFC 6962 test tree)', () => {
  it('hashes leaves with 0x00 and nodes with 0x01 in front', () => {
    expect(leaves.map(toHex)).toEqual(NODE_HASHES[0]);
    expect(toHex(nodeHash(leaves[0]!, leaves[1]!))).toBe(NODE_HASHES[1]![0]);
  });

  it('joins only two hashes, never a shorter or longer part', () => {
    expect(() => nodeHash(leaves[0]!, leaves[1]!.subarray(1))).toThrow(RangeError);
    expect(() => nodeHash(Buffer.concat([leaves[0]!, leaves[1]!]), leaves[2]!)).toThrow(RangeError);
  });

  it('gives the reference root for every size from the empty tree to 8 leaves', () => {
    expect(toHex(EMPTY_ROOT)).toBe(ROOTS[0]);
    expect(ROOTS.map((_, size) => toHex(rootOf(leaves.slice(0, size))))).toEqual(ROOTS);
  });
});

describe('incremental tree over a node store', () => {
  it('stores exactly the reference complete subtrees', () => {
    const store = new MemoryNodeStore();
    leaves.forEach((leaf) => store.append(leaf));
    NODE_HASHES.forEach((level, l) => level.forEach((hash, i) => expect(toHex(store.node(l, i))).toBe(hash)));
    expect(() => store.node(3, 1)).toThrow(RangeError);
  });

  it('stores, on each append, the leaf and the subtrees it completes', () => {
    const store = new MemoryNodeStore();
    leaves.slice(0, 7).forEach((leaf) => store.append(leaf));
    const added = nodesToStoreOnAppend(7, leaves[7]!, store);
    expect(added.map(({ level, index, hash }) => [level, index, toHex(hash)])).toEqual([
      [0, 7, NODE_HASHES[0]![7]],
      [1, 3, NODE_HASHES[1]![3]],
      [2, 1, NODE_HASHES[2]![1]],
      [3, 0, NODE_HASHES[3]![0]],
    ]);
    expect(nodesToStoreOnAppend(6, leaves[6]!, failingReader)).toHaveLength(1);
  });

  it('computes every past root from the stored nodes alone', () => {
    const store = new MemoryNodeStore();
    leaves.forEach((leaf) => store.append(leaf));
    expect(ROOTS.map((_, size) => toHex(rootAt(size, store)))).toEqual(ROOTS);
  });

  it('refuses ranges that are no subtree and sizes that are no count', () => {
    const store = new MemoryNodeStore();
    leaves.forEach((leaf) => store.append(leaf));
    expect(() => rangeHash(1, 3, store)).toThrow(RangeError);
    expect(() => rootAt(-1, store)).toThrow(RangeError);
    expect(() => rootAt(1.5, store)).toThrow(RangeError);
  });
});

const failingReader: NodeReader = {
  node: () => {
    throw new Error('no read expected');
  },
};
