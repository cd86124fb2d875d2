import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { PermitAccess } from '../permit-access.js';
import type { PermitView } from '../permits.read-model.js';
import { GetPermitQuery } from './get-permit.query.js';

@QueryHandler(GetPermitQuery)
export class GetPermitHandler implements IQueryHandler<GetPermitQuery> {
  constructor(private readonly access: PermitAccess) {}

  async execute({ caller, permitId }: GetPermitQuery): Promise<PermitView> {
    return this.access.view(caller, permitId);
  }
}
