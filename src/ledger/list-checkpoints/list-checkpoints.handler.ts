import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { LedgerCheckpoints } from '../ledger-checkpoints.js';
import type { CheckpointPage } from './checkpoint-page.response.dto.js';
import { ListCheckpointsQuery } from './list-checkpoints.query.js';

@QueryHandler(ListCheckpointsQuery)
export class ListCheckpointsHandler implements IQueryHandler<ListCheckpointsQuery> {
  constructor(private readonly checkpoints: LedgerCheckpoints) {}

  execute({ after, limit }: ListCheckpointsQuery): Promise<CheckpointPage> {
    // One more than asked tells whether another page follows.
    const rows = this.checkpoints.after(after, limit + 1);
    const items = rows.slice(0, limit);
    return Promise.resolve({ items, ...(rows.length > limit && { nextAfter: items.at(-1)!.size }) });
  }
}
