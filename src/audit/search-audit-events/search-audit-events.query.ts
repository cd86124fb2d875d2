import { Query } from '@nestjs/cqrs';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import type { AuditEventPageDto, AuditEventRowDto } from '../audit-log/audit-event-row.response.dto.js';
import type { AuditSearchQueryDto } from '../audit-log/audit-filter.request.dto.js';

/** A page of the audit log in the caller's areas, newest first. */
export class SearchAuditEventsQuery extends Query<AuditEventPageDto> {
  constructor(
    readonly caller: Caller,
    readonly asked: AuditSearchQueryDto,
  ) {
    super();
  }
}

/** Every entry the search finds, up to the export's cap, for a CSV download. */
export class ExportAuditEventsQuery extends Query<Iterable<AuditEventRowDto>> {
  constructor(
    readonly caller: Caller,
    readonly asked: AuditSearchQueryDto,
    /** The query the export is recorded as. */
    readonly recordAs: 'events' | 'user-activity' = 'events',
  ) {
    super();
  }
}
