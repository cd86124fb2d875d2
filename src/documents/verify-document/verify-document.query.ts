import { Query } from '@nestjs/cqrs';
import type { DocumentVerification } from './document-verification.js';

/** Anyone may verify a document by its code: no caller is needed. */
export class VerifyDocumentQuery extends Query<DocumentVerification> {
  constructor(readonly code: string) {
    super();
  }
}
