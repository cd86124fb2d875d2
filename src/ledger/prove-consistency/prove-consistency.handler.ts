import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { consistencyProof } from '../../../signing/transparency/merkle-proofs.js';
import { LedgerCheckpoints } from '../ledger-checkpoints.js';
import { LedgerTree } from '../ledger-tree.js';
import { invalidProofRequest } from '../ledger.errors.js';
import { base64, type ConsistencyProof } from '../proof.response.dto.js';
import { signedSize } from '../signed-size.js';
import { ProveConsistencyQuery } from './prove-consistency.query.js';

@QueryHandler(ProveConsistencyQuery)
export class ProveConsistencyHandler implements IQueryHandler<ProveConsistencyQuery> {
  constructor(
    private readonly tree: LedgerTree,
    private readonly checkpoints: LedgerCheckpoints,
  ) {}

  execute({ from, to }: ProveConsistencyQuery): Promise<ConsistencyProof> {
    signedSize(this.checkpoints, to);
    if (from > to) throw invalidProofRequest(`from (${from}) is larger than to (${to})`);
    return Promise.resolve({ from, to, proof: consistencyProof(from, to, this.tree).map(base64) });
  }
}
