import { Query } from '@nestjs/cqrs';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import type { PermitTimelineQueryDto } from './get-permit-timeline.request.dto.js';
import type { PermitTimelineResponseDto } from './permit-timeline.response.dto.js';

/** Everything done on a file, oldest first, a page at a time. */
export class GetPermitTimelineQuery extends Query<PermitTimelineResponseDto> {
  constructor(
    readonly caller: Caller,
    readonly permitId: string,
    readonly page: PermitTimelineQueryDto,
  ) {
    super();
  }
}
