import { Command } from '@nestjs/cqrs';
import type { Caller } from '../../../identity/auth/caller.decorator.js';
import type { RefundView } from '../refunds.read-model.js';
import type { RequestRefundRequestDto } from './request-refund.request.dto.js';

/** A clerk asks for money of a payment back for its payer. */
export class RequestRefundCommand extends Command<RefundView> {
  constructor(
    readonly request: RequestRefundRequestDto,
    readonly caller: Caller,
  ) {
    super();
  }
}
