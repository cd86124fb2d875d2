import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import { AuditTrail } from '../audit-trail.js';
import { ActorNames } from '../audit-log/actor-names.js';
import {
  toAuditEventRow,
  type AuditEventPageDto,
  type AuditEventRowDto,
} from '../audit-log/audit-event-row.response.dto.js';
import { afterCursor, auditPage, recordedFilters } from '../audit-log/audit-page.js';
import { auditSearchOf } from '../audit-log/audit-filter.js';
import type { AuditSearchQueryDto } from '../audit-log/audit-filter.request.dto.js';
import { AuditLogReadModel } from '../audit-log/audit-log.read-model.js';
import { ExportAuditEventsQuery, SearchAuditEventsQuery } from './search-audit-events.query.js';

/** The most rows one CSV export holds; narrow the filters for more. */
export const EXPORT_CAP = 100_000;
const EXPORT_PAGE = 1_000;

@QueryHandler(SearchAuditEventsQuery)
export class SearchAuditEventsHandler implements IQueryHandler<SearchAuditEventsQuery> {
  constructor(
    private readonly log: AuditLogReadModel,
    private readonly names: ActorNames,
    private readonly trail: AuditTrail,
  ) {}

  async execute({ caller, asked }: SearchAuditEventsQuery): Promise<AuditEventPageDto> {
    const search = auditSearchOf(caller.signedIn, asked);
    const page = auditPage(this.log, this.names, search, asked.pageSize, asked.cursor);
    this.trail.queried(caller, {
      query: 'events',
      filters: recordedFilters(asked),
      results: page.items.length,
      areas: search.areas,
    });
    return page;
  }
}

@QueryHandler(ExportAuditEventsQuery)
export class ExportAuditEventsHandler implements IQueryHandler<ExportAuditEventsQuery> {
  constructor(
    private readonly log: AuditLogReadModel,
    private readonly names: ActorNames,
    private readonly trail: AuditTrail,
  ) {}

  async execute({ caller, asked, recordAs }: ExportAuditEventsQuery): Promise<Iterable<AuditEventRowDto>> {
    // Refuses bad filters before the download starts, when a 4xx can still be sent.
    const search = auditSearchOf(caller.signedIn, asked);
    return this.rows(caller, asked, recordAs, search);
  }

  /** Page after page, read as the download is written; recorded once it ends. */
  private *rows(
    caller: Caller,
    asked: AuditSearchQueryDto,
    recordAs: string,
    { areas, filter }: ReturnType<typeof auditSearchOf>,
  ): Generator<AuditEventRowDto> {
    let beforeSeq = afterCursor(asked.cursor).beforeSeq;
    let results = 0;
    try {
      while (results < EXPORT_CAP) {
        const page = this.log.search(
          areas,
          { ...filter, beforeSeq },
          Math.min(EXPORT_PAGE, EXPORT_CAP - results),
        );
        for (const row of page) yield toAuditEventRow(row, (id) => this.names.nameOf(id));
        results += page.length;
        if (page.length < EXPORT_PAGE) break;
        beforeSeq = page.at(-1)!.seq;
      }
    } finally {
      this.trail.queried(caller, {
        query: recordAs,
        filters: { ...recordedFilters(asked), csv: true },
        results,
        areas,
      });
    }
  }
}
