import { Query } from '@nestjs/cqrs';
import type { Caller } from '../../identity/auth/caller.decorator.js';

/** Answered as serialised JSON: the public answer is the hot path and is kept serialised. */
export class LookupParcelQuery extends Query<string> {
  constructor(
    readonly renewalCode: string,
    readonly municipality: string | undefined,
    readonly caller: Caller,
  ) {
    super();
  }
}
