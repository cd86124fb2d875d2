import { Query } from '@nestjs/cqrs';
import type { InclusionProof } from '../proof.response.dto.js';

export interface SignedInclusion extends InclusionProof {
  /** The signed note of the latest checkpoint, whose size is `treeSize`. */
  readonly checkpoint: string;
}

/** An event's inclusion proof against the latest checkpoint, or null while no checkpoint holds it yet. */
export class ProveEventInclusionQuery extends Query<SignedInclusion | null> {
  constructor(readonly eventId: string) {
    super();
  }
}
