import { Query } from '@nestjs/cqrs';
import type { Caller } from '../../../identity/auth/caller.decorator.js';
import type { RefundListResponseDto } from './refund-list.response.dto.js';

/** The refunds of one permit file. */
export class ListRefundsQuery extends Query<RefundListResponseDto> {
  constructor(
    readonly permitId: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
