import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { listPage, type PageResponse } from '../../../shared/http/pagination.js';
import { OrganisationResponseDto } from '../organisation.response.dto.js';
import { OrganisationsReadModel } from '../organisations.read-model.js';
import { ListOrganisationsQuery } from './list-organisations.query.js';

@QueryHandler(ListOrganisationsQuery)
export class ListOrganisationsHandler implements IQueryHandler<ListOrganisationsQuery> {
  constructor(private readonly organisations: OrganisationsReadModel) {}

  async execute(query: ListOrganisationsQuery): Promise<PageResponse<OrganisationResponseDto>> {
    return this.page(query);
  }

  /** One page, read synchronously from the read model. */
  page({ query }: ListOrganisationsQuery): PageResponse<OrganisationResponseDto> {
    const where = { kind: query.kind, municipality: query.municipality };
    return listPage(this.organisations, query, { where }, (doc) => doc);
  }
}
