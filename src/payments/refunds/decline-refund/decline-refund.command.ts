import { Command } from '@nestjs/cqrs';
import type { Caller } from '../../../identity/auth/caller.decorator.js';
import type { RefundView } from '../refunds.read-model.js';

/** A second person (never the requester) declines a refund, saying why. */
export class DeclineRefundCommand extends Command<RefundView> {
  constructor(
    readonly refundId: string,
    readonly reason: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
