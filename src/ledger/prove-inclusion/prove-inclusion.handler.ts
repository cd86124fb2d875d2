import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { leafInclusion } from '../leaf-inclusion.js';
import { LedgerCheckpoints } from '../ledger-checkpoints.js';
import { LedgerTree } from '../ledger-tree.js';
import { invalidProofRequest, unknownEvent } from '../ledger.errors.js';
import type { InclusionProof } from '../proof.response.dto.js';
import { signedSize } from '../signed-size.js';
import { ProveInclusionQuery } from './prove-inclusion.query.js';

@QueryHandler(ProveInclusionQuery)
export class ProveInclusionHandler implements IQueryHandler<ProveInclusionQuery> {
  constructor(
    private readonly tree: LedgerTree,
    private readonly checkpoints: LedgerCheckpoints,
  ) {}

  execute({ leaf, size: asked }: ProveInclusionQuery): Promise<InclusionProof> {
    const treeSize = signedSize(this.checkpoints, asked);
    const leafIndex = 'index' in leaf ? leaf.index : this.tree.leafIndexOf(leaf.eventId);
    if (leafIndex === undefined) throw unknownEvent();
    if (leafIndex >= treeSize) {
      throw invalidProofRequest(`Leaf ${leafIndex} is not in the tree of ${treeSize} leaves`);
    }
    return Promise.resolve(leafInclusion(this.tree, leafIndex, treeSize));
  }
}
