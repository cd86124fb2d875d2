import { Query } from '@nestjs/cqrs';
import type { OrganisationResponseDto } from '../organisation.response.dto.js';

export class GetOrganisationQuery extends Query<OrganisationResponseDto> {
  constructor(readonly id: string) {
    super();
  }
}
