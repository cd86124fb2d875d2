import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AuditTrail, accessOf } from '../../audit/audit-trail.js';
import { audienceOf, InquiryAccess, inquiryScope } from '../inquiry-access.js';
import { GetInquiryQuery } from './get-inquiry.query.js';
import { type InquiryResponseDto, toInquiryResponse } from './inquiry.response.dto.js';

@QueryHandler(GetInquiryQuery)
export class GetInquiryHandler implements IQueryHandler<GetInquiryQuery> {
  constructor(
    private readonly access: InquiryAccess,
    private readonly trail: AuditTrail,
  ) {}

  async execute({ inquiryId, caller }: GetInquiryQuery): Promise<InquiryResponseDto> {
    const inquiry = this.access.readable(caller, inquiryId);
    this.trail.accessed(caller, accessOf('inquiry', inquiryId, inquiryScope(inquiry)));
    return toInquiryResponse(inquiry, audienceOf(caller, inquiry), caller.now);
  }
}
