import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { DocumentRecord } from '../../../projections/documents/documents.projection.js';
import { AuditTrail, accessOf } from '../../audit/audit-trail.js';
import { DocumentAccess, documentScope, type IssuedDocument } from '../document-access.js';
import { GetSignedDocumentQuery } from './get-signed-document.query.js';

@QueryHandler(GetSignedDocumentQuery)
export class GetSignedDocumentHandler implements IQueryHandler<GetSignedDocumentQuery> {
  constructor(
    private readonly access: DocumentAccess,
    private readonly trail: AuditTrail,
  ) {}

  async execute({
    code,
    caller,
  }: GetSignedDocumentQuery): Promise<{ record: DocumentRecord; issued: IssuedDocument }> {
    const record = this.access.readable(caller, code);
    this.trail.accessed(caller, accessOf('document_content', record.code, documentScope(record)));
    return { record, issued: await this.access.issued(record) };
  }
}
