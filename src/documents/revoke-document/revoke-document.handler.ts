import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { DocumentRecord } from '../../../projections/documents/documents.projection.js';
import { DocumentRevisions } from '../document-revisions.js';
import { RevokeDocumentCommand } from './revoke-document.command.js';

@CommandHandler(RevokeDocumentCommand)
export class RevokeDocumentHandler implements ICommandHandler<RevokeDocumentCommand> {
  constructor(private readonly revisions: DocumentRevisions) {}

  execute({ code, request, caller, options }: RevokeDocumentCommand): Promise<DocumentRecord> {
    return this.revisions.revise(
      caller,
      code,
      (record) => ({ type: 'RevokeDocument', data: { code: record.code, reason: request.reason } }),
      options,
    );
  }
}
