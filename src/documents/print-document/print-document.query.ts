import { Query } from '@nestjs/cqrs';
import type { Caller } from '../../identity/auth/caller.decorator.js';

/** The printable page (HTML) of a document the caller holds or handles. */
export class PrintDocumentQuery extends Query<string> {
  constructor(
    readonly code: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
