import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { DocumentRecord } from '../../../projections/documents/documents.projection.js';
import { DocumentAccess } from '../document-access.js';
import { GetDocumentQuery } from './get-document.query.js';

@QueryHandler(GetDocumentQuery)
export class GetDocumentHandler implements IQueryHandler<GetDocumentQuery> {
  constructor(private readonly access: DocumentAccess) {}

  async execute({ code, caller }: GetDocumentQuery): Promise<DocumentRecord> {
    return this.access.readable(caller, code);
  }
}
