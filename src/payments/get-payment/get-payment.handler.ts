import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { PaymentView } from '../../../projections/payments/payments.projection.js';
import { AuditTrail, accessOf } from '../../audit/audit-trail.js';
import { PaymentAccess } from '../payment-access.js';
import { GetPaymentQuery } from './get-payment.query.js';

@QueryHandler(GetPaymentQuery)
export class GetPaymentHandler implements IQueryHandler<GetPaymentQuery> {
  constructor(
    private readonly access: PaymentAccess,
    private readonly trail: AuditTrail,
  ) {}

  async execute({ paymentId, caller }: GetPaymentQuery): Promise<PaymentView> {
    const payment = this.access.readable(caller, paymentId);
    this.trail.accessed(caller, accessOf('payment', paymentId, this.access.scopeOf(payment)));
    return payment;
  }
}
