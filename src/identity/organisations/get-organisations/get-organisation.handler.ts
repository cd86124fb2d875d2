import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { OrganisationsReadModel } from '../organisations.read-model.js';
import { organisationNotFound } from '../organisation.decider.js';
import { OrganisationResponseDto } from '../organisation.response.dto.js';
import { GetOrganisationQuery } from './get-organisation.query.js';

@QueryHandler(GetOrganisationQuery)
export class GetOrganisationHandler implements IQueryHandler<GetOrganisationQuery> {
  constructor(private readonly organisations: OrganisationsReadModel) {}

  async execute({ id }: GetOrganisationQuery): Promise<OrganisationResponseDto> {
    return this.organisations.getOr(id, organisationNotFound);
  }
}
