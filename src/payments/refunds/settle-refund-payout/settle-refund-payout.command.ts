import { Command } from '@nestjs/cqrs';
import type { Caller } from '../../../identity/auth/caller.decorator.js';
import type { RefundView } from '../refunds.read-model.js';
import type { SettleRefundPayoutRequestDto } from './settle-refund-payout.request.dto.js';

/**
 * A cashier settles a gateway payout whose outcome the gateway never told (a timeout, an outage), after
 * checking the gateway's panel: paid there under a reference, or not there at all.
 */
export class SettleRefundPayoutCommand extends Command<RefundView> {
  constructor(
    readonly refundId: string,
    readonly request: SettleRefundPayoutRequestDto,
    readonly caller: Caller,
  ) {
    super();
  }
}
