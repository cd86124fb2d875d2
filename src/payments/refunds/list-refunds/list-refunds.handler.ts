import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AuditTrail, accessOf } from '../../../audit/audit-trail.js';
import { PermitAccess, permitScope } from '../../../permits/permit-access.js';
import { RefundAccess } from '../refund-access.js';
import { RefundsReadModel } from '../refunds.read-model.js';
import { ListRefundsQuery } from './list-refunds.query.js';
import type { RefundListResponseDto } from './refund-list.response.dto.js';

@QueryHandler(ListRefundsQuery)
export class ListRefundsHandler implements IQueryHandler<ListRefundsQuery> {
  constructor(
    private readonly permits: PermitAccess,
    private readonly refunds: RefundsReadModel,
    private readonly access: RefundAccess,
    private readonly trail: AuditTrail,
  ) {}

  async execute({ permitId, caller }: ListRefundsQuery): Promise<RefundListResponseDto> {
    // The payer and staff only: an engineer of the file sees no money matters.
    const permit = this.permits.ownedOrHandled(caller, permitId);
    this.trail.accessed(caller, accessOf('permit_file', permitId, permitScope(permit)));
    return {
      items: this.refunds.of('permitId', permitId).map((refund) => this.access.answer(caller, refund)),
    };
  }
}
