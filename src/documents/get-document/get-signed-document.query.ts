import { Query } from '@nestjs/cqrs';
import type { DocumentRecord } from '../../../projections/documents/documents.projection.js';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import type { IssuedDocument } from '../document-access.js';

/** A document's record with the content and signature it was issued with. */
export class GetSignedDocumentQuery extends Query<{ record: DocumentRecord; issued: IssuedDocument }> {
  constructor(
    readonly code: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
