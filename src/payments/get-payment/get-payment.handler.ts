import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AuditTrail, accessOf } from '../../audit/audit-trail.js';
import { PaymentAccess } from '../payment-access.js';
import { RefundAccess } from '../refunds/refund-access.js';
import { RefundsReadModel } from '../refunds/refunds.read-model.js';
import { GetPaymentQuery, type PaymentWithRefunds } from './get-payment.query.js';

@QueryHandler(GetPaymentQuery)
export class GetPaymentHandler implements IQueryHandler<GetPaymentQuery> {
  constructor(
    private readonly access: PaymentAccess,
    private readonly trail: AuditTrail,
    private readonly refunds: RefundsReadModel,
    private readonly refundAccess: RefundAccess,
  ) {}

  async execute({ paymentId, caller }: GetPaymentQuery): Promise<PaymentWithRefunds> {
    const payment = this.access.readable(caller, paymentId);
    this.trail.accessed(caller, accessOf('payment', paymentId, this.access.scopeOf(payment)));
    const refunds = this.refunds.of('paymentId', paymentId);
    return { ...payment, refunds: refunds.map((refund) => this.refundAccess.answer(caller, refund)) };
  }
}
