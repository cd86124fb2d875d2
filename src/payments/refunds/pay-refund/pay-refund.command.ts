import { Command } from '@nestjs/cqrs';
import type { Caller } from '../../../identity/auth/caller.decorator.js';
import type { RefundView } from '../refunds.read-model.js';
import type { PayRefundRequestDto } from './pay-refund.request.dto.js';

/** The cashier pays an approved refund out. */
export class PayRefundCommand extends Command<RefundView> {
  constructor(
    readonly refundId: string,
    readonly request: PayRefundRequestDto,
    readonly caller: Caller,
  ) {
    super();
  }
}
