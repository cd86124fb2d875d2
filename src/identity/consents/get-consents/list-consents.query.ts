import { Query } from '@nestjs/cqrs';
import type { Caller } from '../../auth/caller.decorator.js';
import type { ConsentListResponseDto } from '../consent.response.dto.js';

export class ListConsentsQuery extends Query<ConsentListResponseDto> {
  constructor(readonly caller: Caller) {
    super();
  }
}
