import { leafHash, rootOf } from './merkle-hashes.js';
import { MerkleFrontier } from './merkle-frontier.js';
import { hex, LEAF_INPUTS, ROOTS, toHex } from './rfc6962.fixtures.js';

describe('MerkleFrontier', () => {
  it('gives the RFC 6962 reference root at every size from 0 to 8 leaves', () => {
    const frontier = new MerkleFrontier();
    const roots = [toHex(frontier.root())];
    for (const input of LEAF_INPUTS) {
      frontier.append(leafHash(hex(input)));
      roots.push(toHex(frontier.root()));
    }
    expect(roots).toEqual(ROOTS);
  });

  it('agrees with the recursive definition up to 300 leaves while keeping one hash per level', () => {
    const frontier = new MerkleFrontier();
    const leaves: Uint8Array[] = [];
    for (let n = 0; n < 300; n += 1) {
      leaves.push(leafHash(Uint8Array.of(n & 0xff, n >> 8)));
      frontier.append(leaves[n]!);
      expect(toHex(frontier.root())).toBe(toHex(rootOf(leaves)));
    }
    expect(frontier.size).toBe(300);
    expect(() => frontier.node(0, 0)).toThrow(RangeError);
    expect(() => frontier.node(9, 0)).toThrow(RangeError);
  });
});
