import { Query } from '@nestjs/cqrs';
import type { Caller } from '../../auth/caller.decorator.js';
import type { Principal } from '../../principal.js';

export class GetMeQuery extends Query<Principal> {
  constructor(readonly caller: Caller) {
    super();
  }
}
