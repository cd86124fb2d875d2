import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AuditTrail, accessOf } from '../../../audit/audit-trail.js';
import { RefundAccess, type RefundAnswer } from '../refund-access.js';
import { GetRefundQuery } from './get-refund.query.js';

@QueryHandler(GetRefundQuery)
export class GetRefundHandler implements IQueryHandler<GetRefundQuery> {
  constructor(
    private readonly access: RefundAccess,
    private readonly trail: AuditTrail,
  ) {}

  async execute({ refundId, caller }: GetRefundQuery): Promise<RefundAnswer> {
    const refund = this.access.readable(caller, refundId);
    // A refund tells of its payment: the payer's access log names the payment.
    this.trail.accessed(caller, accessOf('payment', refund.paymentId, this.access.scopeOf(refund)));
    return this.access.answer(caller, refund);
  }
}
