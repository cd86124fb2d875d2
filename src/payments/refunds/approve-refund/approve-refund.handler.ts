import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RefundCommands } from '../refund-commands.js';
import type { RefundView } from '../refunds.read-model.js';
import { ApproveRefundCommand } from './approve-refund.command.js';

@CommandHandler(ApproveRefundCommand)
export class ApproveRefundHandler implements ICommandHandler<ApproveRefundCommand> {
  constructor(private readonly refunds: RefundCommands) {}

  execute({ refundId, caller }: ApproveRefundCommand): Promise<RefundView> {
    return this.refunds.run(caller, {
      type: 'ApproveRefund',
      data: { refundId, approvedBy: caller.signedIn.id },
    });
  }
}
