import { Query } from '@nestjs/cqrs';
import type { PageResponse } from '../../../shared/http/pagination.js';
import type { OrganisationResponseDto } from '../organisation.response.dto.js';
import type { GetOrganisationsQueryDto } from './get-organisations.request.dto.js';

export class ListOrganisationsQuery extends Query<PageResponse<OrganisationResponseDto>> {
  constructor(readonly query: GetOrganisationsQueryDto) {
    super();
  }
}
