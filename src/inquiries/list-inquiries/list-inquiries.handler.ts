import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AuditTrail, accessOf } from '../../audit/audit-trail.js';
import { parseRenewalCode } from '../../parcels/renewal-code.js';
import { pageOf, pageWindow, type PageResponse } from '../../shared/http/pagination.js';
import { type InquiryResponseDto, toInquiryResponse } from '../get-inquiry/inquiry.response.dto.js';
import { audienceOf, inquiryScope } from '../inquiry-access.js';
import { InquiriesReadModel } from '../inquiries.read-model.js';
import { inquiryWorklist, overdueFilters } from './inquiry-worklist.js';
import { ListInquiriesQuery } from './list-inquiries.query.js';

@QueryHandler(ListInquiriesQuery)
export class ListInquiriesHandler implements IQueryHandler<ListInquiriesQuery> {
  constructor(
    private readonly inquiries: InquiriesReadModel,
    private readonly trail: AuditTrail,
  ) {}

  async execute(query: ListInquiriesQuery): Promise<PageResponse<InquiryResponseDto>> {
    return this.page(query);
  }

  /** One page, read synchronously from the read model. */
  page({ request, caller }: ListInquiriesQuery): PageResponse<InquiryResponseDto> {
    const { status, kind, renewalCode, overdue, page, pageSize } = request;
    // The roles policy guarantees a principal and the grant it acts under.
    const worklist = inquiryWorklist(
      caller.signedIn,
      caller.grant!,
      status,
      { kind, renewalCode: renewalCode === undefined ? undefined : parseRenewalCode(renewalCode).text },
      caller.onBehalfOf,
    );
    if (!worklist) return { items: [], total: 0, page, pageSize };
    const { where, orderBy, descending, regions } = worklist;
    const anyOf = [
      ...(regions ? [regions.map((region) => ({ region }))] : []),
      ...(overdue === undefined ? [] : [overdueFilters(overdue === 'true', caller.now)]),
    ];
    const found = this.inquiries.list({ where, anyOf, orderBy, descending, ...pageWindow(request, orderBy) });
    this.trail.accessedAll(
      caller,
      found.items.map((inquiry) => accessOf('inquiry', inquiry.inquiryId, inquiryScope(inquiry))),
    );
    return pageOf(found, request, orderBy, (inquiry) =>
      toInquiryResponse(inquiry, audienceOf(caller, inquiry), caller.now),
    );
  }
}
