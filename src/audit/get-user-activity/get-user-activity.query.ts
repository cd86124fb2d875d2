import { Query } from '@nestjs/cqrs';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import type { UserActivityDto } from './user-activity.response.dto.js';

/** What one user did in the caller's areas, and how they signed in. */
export class GetUserActivityQuery extends Query<UserActivityDto> {
  constructor(
    readonly caller: Caller,
    readonly userId: string,
  ) {
    super();
  }
}
