import { Command } from '@nestjs/cqrs';
import type { Caller } from '../../../identity/auth/caller.decorator.js';
import type { RefundView } from '../refunds.read-model.js';

/** A second person (never the requester) approves a refund. */
export class ApproveRefundCommand extends Command<RefundView> {
  constructor(
    readonly refundId: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
