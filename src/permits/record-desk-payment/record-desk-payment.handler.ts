import { CommandHandler } from '@nestjs/cqrs';
import { DomainError } from '../../shared/domain-error.js';
import type { PermitCommand } from '../permit.commands.js';
import { PermitStepHandler } from '../permit-step.handler.js';
import type { PermitView } from '../permits.read-model.js';
import { RecordDeskPaymentCommand } from './record-desk-payment.command.js';

/** A payment a counter office (دفتر پیشخوان) took at its desk, for the applicant it acts for. */
@CommandHandler(RecordDeskPaymentCommand)
export class RecordDeskPaymentHandler extends PermitStepHandler<RecordDeskPaymentCommand> {
  protected readonly relation = 'applicant';

  override execute(step: RecordDeskPaymentCommand): Promise<PermitView> {
    // Without the citizen named, the file would only be "not found": say what is missing instead.
    if (!step.caller.onBehalfOf) {
      throw new DomainError(
        'PERMIT.ON_BEHALF_OF_REQUIRED',
        'A counter office names the applicant it takes the payment for in X-On-Behalf-Of',
        'forbidden',
      );
    }
    return super.execute(step);
  }

  protected command({ caller, input }: RecordDeskPaymentCommand, permit: PermitView): PermitCommand {
    return {
      type: 'RecordPayment',
      data: {
        permitId: permit.permitId,
        ...input,
        channel: 'counter_desk',
        // The roles policy guarantees a counter office's grant, and every office is an organisation.
        office: caller.grant!.organisation!,
        paidAt: caller.now,
      },
    };
  }
}
