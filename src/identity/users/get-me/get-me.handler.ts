import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Principal } from '../../principal.js';
import { GetMeQuery } from './get-me.query.js';

@QueryHandler(GetMeQuery)
export class GetMeHandler implements IQueryHandler<GetMeQuery> {
  async execute({ caller }: GetMeQuery): Promise<Principal> {
    return caller.signedIn;
  }
}
