import { Query } from '@nestjs/cqrs';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import type { PermitView } from '../permits.read-model.js';

/** The file as the caller may see it. */
export class GetPermitQuery extends Query<PermitView> {
  constructor(
    readonly caller: Caller,
    readonly permitId: string,
  ) {
    super();
  }
}
