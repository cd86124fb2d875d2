import { Query } from '@nestjs/cqrs';
import type { InclusionProof } from '../proof.response.dto.js';

/** Leaf `index` (or the leaf of `eventId`) in the tree of `size` leaves (the latest checkpoint's by default). */
export class ProveInclusionQuery extends Query<InclusionProof> {
  constructor(
    readonly leaf: { readonly index: number } | { readonly eventId: string },
    readonly size?: number,
  ) {
    super();
  }
}
