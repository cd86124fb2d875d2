import { Query } from '@nestjs/cqrs';
import type { MunicipalityResponseDto } from '../municipality.dto.js';

export class GetMunicipalityQuery extends Query<MunicipalityResponseDto> {
  constructor(readonly code: string) {
    super();
  }
}
