import { Query } from '@nestjs/cqrs';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import type { PageResponse } from '../../shared/http/pagination.js';
import type { InquiryResponseDto } from '../get-inquiry/inquiry.response.dto.js';
import type { ListInquiriesQueryDto } from './list-inquiries.request.dto.js';

export class ListInquiriesQuery extends Query<PageResponse<InquiryResponseDto>> {
  constructor(
    readonly request: ListInquiriesQueryDto,
    readonly caller: Caller,
  ) {
    super();
  }
}
