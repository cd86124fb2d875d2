import { Query } from '@nestjs/cqrs';
import type { ConsistencyProof } from '../proof.response.dto.js';

/** That the tree of `from` leaves is a prefix of the tree of `to` leaves. */
export class ProveConsistencyQuery extends Query<ConsistencyProof> {
  constructor(
    readonly from: number,
    readonly to: number,
  ) {
    super();
  }
}
