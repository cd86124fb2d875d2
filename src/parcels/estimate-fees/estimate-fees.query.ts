import { Query } from '@nestjs/cqrs';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import type { EstimateFeesRequestDto } from './estimate-fees.request.dto.js';
import type { FeeEstimateResponseDto } from './fee-estimate.response.dto.js';

export class EstimateFeesQuery extends Query<FeeEstimateResponseDto> {
  constructor(
    readonly renewalCode: string,
    readonly request: EstimateFeesRequestDto,
    readonly caller: Caller,
  ) {
    super();
  }
}
