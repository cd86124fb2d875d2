import { Query } from '@nestjs/cqrs';
import type { DocumentRecord } from '../../../projections/documents/documents.projection.js';
import type { Caller } from '../../identity/auth/caller.decorator.js';

/** A document's record, if the caller holds or handles it. */
export class GetDocumentQuery extends Query<DocumentRecord> {
  constructor(
    readonly code: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
