import { CommandHandler } from '@nestjs/cqrs';
import type { PermitCommand } from '../permit.commands.js';
import { PermitStepHandler } from '../permit-step.handler.js';
import type { PermitView } from '../permits.read-model.js';
import { RecordPaymentCommand } from './record-payment.command.js';

@CommandHandler(RecordPaymentCommand)
export class RecordPaymentHandler extends PermitStepHandler<RecordPaymentCommand> {
  protected readonly relation = 'staff';

  protected command({ caller, input }: RecordPaymentCommand, permit: PermitView): PermitCommand {
    return {
      type: 'RecordPayment',
      data: { permitId: permit.permitId, ...input, channel: 'cashier', paidAt: caller.now },
    };
  }
}
