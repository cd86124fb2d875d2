import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { leafInclusion } from '../leaf-inclusion.js';
import { LedgerCheckpoints } from '../ledger-checkpoints.js';
import { LedgerTree } from '../ledger-tree.js';
import { ProveEventInclusionQuery, type SignedInclusion } from './prove-event-inclusion.query.js';

/** For other features (a document's verification): the proof and the checkpoint it holds against, together. */
@QueryHandler(ProveEventInclusionQuery)
export class ProveEventInclusionHandler implements IQueryHandler<ProveEventInclusionQuery> {
  constructor(
    private readonly tree: LedgerTree,
    private readonly checkpoints: LedgerCheckpoints,
  ) {}

  execute({ eventId }: ProveEventInclusionQuery): Promise<SignedInclusion | null> {
    const latest = this.checkpoints.latest();
    const leafIndex = this.tree.leafIndexOf(eventId);
    if (!latest || leafIndex === undefined || leafIndex >= latest.size) return Promise.resolve(null);
    return Promise.resolve({ ...leafInclusion(this.tree, leafIndex, latest.size), checkpoint: latest.note });
  }
}
