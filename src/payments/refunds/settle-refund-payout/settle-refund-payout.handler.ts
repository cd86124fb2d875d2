import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RefundCommands } from '../refund-commands.js';
import type { RefundView } from '../refunds.read-model.js';
import { SettleRefundPayoutCommand } from './settle-refund-payout.command.js';

@CommandHandler(SettleRefundPayoutCommand)
export class SettleRefundPayoutHandler implements ICommandHandler<SettleRefundPayoutCommand> {
  constructor(private readonly refunds: RefundCommands) {}

  execute({ refundId, request, caller }: SettleRefundPayoutCommand): Promise<RefundView> {
    if (request.outcome === 'failed') {
      const code = 'REFUND.NOT_IN_GATEWAY_PANEL';
      return this.refunds.run(caller, {
        type: 'FailRefundPayout',
        data: { refundId, code, by: caller.signedIn.id },
      });
    }
    const refundReference = request.refundReference ?? '';
    return this.refunds.run(caller, {
      type: 'PayRefund',
      data: { refundId, method: 'gateway', refundReference, paidAt: caller.now },
    });
  }
}
