import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { listPage, type PageResponse } from '../../../shared/http/pagination.js';
import { MunicipalitiesReadModel } from '../municipalities.read-model.js';
import { MunicipalityResponseDto } from '../municipality.dto.js';
import { ListMunicipalitiesQuery } from './list-municipalities.query.js';

@QueryHandler(ListMunicipalitiesQuery)
export class ListMunicipalitiesHandler implements IQueryHandler<ListMunicipalitiesQuery> {
  constructor(private readonly municipalities: MunicipalitiesReadModel) {}

  async execute(query: ListMunicipalitiesQuery): Promise<PageResponse<MunicipalityResponseDto>> {
    return this.page(query);
  }

  /** One page, read synchronously from the read model. */
  page({ query }: ListMunicipalitiesQuery): PageResponse<MunicipalityResponseDto> {
    return listPage(this.municipalities, query, {}, (doc) => doc);
  }
}
