import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../event-store/command-handling/command-context.js';
import type { DocumentContent, DocumentSubject } from '../document.events.js';

export type DocumentRequest = Omit<DocumentContent, 'code' | 'issuedAt'> & {
  readonly subject: DocumentSubject;
};

/** Sent by the reactions of the features that certify something (permits, map orders, inquiry answers). */
export class IssueDocumentCommand extends Command<{ readonly code: string }> {
  constructor(
    readonly request: DocumentRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
