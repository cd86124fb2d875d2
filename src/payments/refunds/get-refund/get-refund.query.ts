import { Query } from '@nestjs/cqrs';
import type { Caller } from '../../../identity/auth/caller.decorator.js';
import type { RefundAnswer } from '../refund-access.js';

export class GetRefundQuery extends Query<RefundAnswer> {
  constructor(
    readonly refundId: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
