import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { DocumentRecord } from '../../../projections/documents/documents.projection.js';
import { AuditTrail, accessOf } from '../../audit/audit-trail.js';
import { DocumentAccess, documentScope } from '../document-access.js';
import { GetDocumentQuery } from './get-document.query.js';

@QueryHandler(GetDocumentQuery)
export class GetDocumentHandler implements IQueryHandler<GetDocumentQuery> {
  constructor(
    private readonly access: DocumentAccess,
    private readonly trail: AuditTrail,
  ) {}

  async execute({ code, caller }: GetDocumentQuery): Promise<DocumentRecord> {
    const record = this.access.readable(caller, code);
    this.trail.accessed(caller, accessOf('document_content', record.code, documentScope(record)));
    return record;
  }
}
