import { inclusionProof } from '../../signing/transparency/merkle-proofs.js';
import type { LedgerTree } from './ledger-tree.js';
import { base64, type InclusionProof } from './proof.response.dto.js';

/** Leaf `leafIndex`'s hash and RFC 9162 audit path in the tree of `treeSize` leaves, base64. */
export function leafInclusion(tree: LedgerTree, leafIndex: number, treeSize: number): InclusionProof {
  return {
    leafIndex,
    treeSize,
    leafHash: base64(tree.node(0, leafIndex)),
    proof: inclusionProof(leafIndex, treeSize, tree).map(base64),
  };
}
