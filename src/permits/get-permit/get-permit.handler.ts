import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AuditTrail, accessOf } from '../../audit/audit-trail.js';
import { PermitAccess, permitScope, seenBy } from '../permit-access.js';
import type { PermitView } from '../permits.read-model.js';
import { GetPermitQuery } from './get-permit.query.js';

@QueryHandler(GetPermitQuery)
export class GetPermitHandler implements IQueryHandler<GetPermitQuery> {
  constructor(
    private readonly access: PermitAccess,
    private readonly trail: AuditTrail,
  ) {}

  async execute({ caller, permitId }: GetPermitQuery): Promise<PermitView> {
    const permit = this.access.readable(caller, permitId);
    this.trail.accessed(caller, accessOf('permit_file', permitId, permitScope(permit)));
    return seenBy(caller, permit);
  }
}
