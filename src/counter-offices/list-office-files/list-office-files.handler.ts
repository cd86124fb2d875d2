import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AuditTrail, accessOf, type DataAccess } from '../../audit/audit-trail.js';
import { inquiryScope } from '../../inquiries/inquiry-access.js';
import { InquiriesReadModel } from '../../inquiries/inquiries.read-model.js';
import { permitScope } from '../../permits/permit-access.js';
import { PermitsReadModel } from '../../permits/permits.read-model.js';
import { pageOf, pageWindow, type PageResponse } from '../../shared/http/pagination.js';
import {
  CounterOfficeFilesReadModel,
  type CounterOfficeFileView,
} from '../counter-office-files.read-model.js';
import { ListOfficeFilesQuery } from './list-office-files.query.js';
import { toOfficeFile, type OfficeFileDto, type OfficeFileRecord } from './office-file.response.dto.js';

/** A record the worklist names but its own read model has not shown yet. */
const NOT_YET_SHOWN: OfficeFileRecord = { status: 'unknown', municipality: '' };

type Found = { readonly record: OfficeFileRecord; readonly access: DataAccess };

@QueryHandler(ListOfficeFilesQuery)
export class ListOfficeFilesHandler implements IQueryHandler<ListOfficeFilesQuery> {
  constructor(
    private readonly files: CounterOfficeFilesReadModel,
    private readonly permits: PermitsReadModel,
    private readonly inquiries: InquiriesReadModel,
    private readonly trail: AuditTrail,
  ) {}

  async execute({ caller, filter }: ListOfficeFilesQuery): Promise<PageResponse<OfficeFileDto>> {
    // The roles policy guarantees a counter office's grant, and every office is an organisation.
    const office = caller.grant!.organisation!;
    const orderBy = 'lastActedAt';
    const page = this.files.list({
      where: { office, kind: filter.kind },
      orderBy,
      descending: true,
      ...pageWindow(filter, orderBy),
    });
    const found = new Map(page.items.map((row) => [row.id, this.recordOf(row)]));
    // A row shows the status of a citizen's file, maybe after their consent ended: a read of their data.
    this.trail.accessedAll(
      caller,
      [...found.values()].flatMap((each) => (each ? [each.access] : [])),
    );
    return pageOf(page, filter, orderBy, (row) =>
      toOfficeFile(row, found.get(row.id)?.record ?? NOT_YET_SHOWN),
    );
  }

  private recordOf({ kind, recordId }: CounterOfficeFileView): Found | undefined {
    if (kind === 'permit') {
      const permit = this.permits.get(recordId);
      return permit && { record: permit, access: accessOf('permit_summary', recordId, permitScope(permit)) };
    }
    const inquiry = this.inquiries.get(recordId);
    return inquiry && { record: inquiry, access: accessOf('inquiry', recordId, inquiryScope(inquiry)) };
  }
}
