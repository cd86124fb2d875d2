import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { audienceOf, InquiryAccess } from '../inquiry-access.js';
import { GetInquiryQuery } from './get-inquiry.query.js';
import { type InquiryResponseDto, toInquiryResponse } from './inquiry.response.dto.js';

@QueryHandler(GetInquiryQuery)
export class GetInquiryHandler implements IQueryHandler<GetInquiryQuery> {
  constructor(private readonly access: InquiryAccess) {}

  async execute({ inquiryId, caller }: GetInquiryQuery): Promise<InquiryResponseDto> {
    const inquiry = this.access.readable(caller, inquiryId);
    return toInquiryResponse(inquiry, audienceOf(caller, inquiry), caller.now);
  }
}
