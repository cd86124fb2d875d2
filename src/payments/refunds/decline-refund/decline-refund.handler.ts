import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RefundCommands } from '../refund-commands.js';
import type { RefundView } from '../refunds.read-model.js';
import { DeclineRefundCommand } from './decline-refund.command.js';

@CommandHandler(DeclineRefundCommand)
export class DeclineRefundHandler implements ICommandHandler<DeclineRefundCommand> {
  constructor(private readonly refunds: RefundCommands) {}

  execute({ refundId, reason, caller }: DeclineRefundCommand): Promise<RefundView> {
    const declinedBy = caller.signedIn.id;
    return this.refunds.run(caller, { type: 'DeclineRefund', data: { refundId, reason, declinedBy } });
  }
}
