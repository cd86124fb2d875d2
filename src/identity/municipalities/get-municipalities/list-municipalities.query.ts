import { Query } from '@nestjs/cqrs';
import type { PaginationQueryDto, PageResponse } from '../../../shared/http/pagination.js';
import type { MunicipalityResponseDto } from '../municipality.dto.js';

export class ListMunicipalitiesQuery extends Query<PageResponse<MunicipalityResponseDto>> {
  constructor(readonly query: PaginationQueryDto) {
    super();
  }
}
