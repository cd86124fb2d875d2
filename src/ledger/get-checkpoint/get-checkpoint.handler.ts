import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { LedgerCheckpoints } from '../ledger-checkpoints.js';
import { noCheckpointYet } from '../ledger.errors.js';
import { GetCheckpointQuery } from './get-checkpoint.query.js';

@QueryHandler(GetCheckpointQuery)
export class GetCheckpointHandler implements IQueryHandler<GetCheckpointQuery> {
  constructor(private readonly checkpoints: LedgerCheckpoints) {}

  execute(): Promise<string> {
    const latest = this.checkpoints.latest();
    if (!latest) throw noCheckpointYet();
    return Promise.resolve(latest.note);
  }
}
