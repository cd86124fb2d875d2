import { Query } from '@nestjs/cqrs';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import type { InquiryResponseDto } from './inquiry.response.dto.js';

export class GetInquiryQuery extends Query<InquiryResponseDto> {
  constructor(
    readonly inquiryId: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
