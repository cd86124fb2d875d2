import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { newId } from '../../../shared/ids.js';
import { PaymentAccess } from '../../payment-access.js';
import { paymentNotFound } from '../../payment.decider.js';
import { refundNotFound } from '../refund.decider.js';
import { RefundRequester } from '../refund-requester.js';
import { RefundsReadModel, type RefundView } from '../refunds.read-model.js';
import { RequestRefundCommand } from './request-refund.command.js';

@CommandHandler(RequestRefundCommand)
export class RequestRefundHandler implements ICommandHandler<RequestRefundCommand> {
  constructor(
    private readonly payments: PaymentAccess,
    private readonly refunds: RefundsReadModel,
    private readonly requester: RefundRequester,
  ) {}

  async execute({ request, caller }: RequestRefundCommand): Promise<RefundView> {
    const payment = this.payments.readable(caller, request.paymentId);
    if (caller.accessTo(this.payments.scopeOf(payment)) !== 'staff') throw paymentNotFound(request.paymentId);
    const { paymentId, permitId, municipality, payerNationalId } = payment;
    // Money came in only once the gateway confirmed it, whether or not the file then accepted it.
    const paid = payment.status === 'confirmed' || payment.status === 'rejected_by_file' ? payment.amount : 0;
    const refundId = newId();
    await this.requester.request(
      {
        refundId,
        paymentId,
        permitId,
        municipality,
        ...(request.amount === undefined ? {} : { amount: request.amount }),
        reason: request.reason,
        payerNationalId,
        requestedBy: caller.signedIn.id,
      },
      { paid, reference: payment.reference },
      caller.commandContext(),
      true,
    );
    return this.refunds.getOr(refundId, refundNotFound);
  }
}
