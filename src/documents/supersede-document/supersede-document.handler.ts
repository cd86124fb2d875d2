import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { DocumentRecord } from '../../../projections/documents/documents.projection.js';
import { parseDocumentCode } from '../../../signing/document-code.js';
import { DocumentRevisions } from '../document-revisions.js';
import { DocumentsReadModel } from '../documents.read-model.js';
import { SupersedeDocumentCommand } from './supersede-document.command.js';

@CommandHandler(SupersedeDocumentCommand)
export class SupersedeDocumentHandler implements ICommandHandler<SupersedeDocumentCommand> {
  constructor(
    private readonly revisions: DocumentRevisions,
    private readonly documents: DocumentsReadModel,
  ) {}

  execute({ code, request, caller, options }: SupersedeDocumentCommand): Promise<DocumentRecord> {
    const by = parseDocumentCode(request.by) ?? request.by;
    const replacement = this.documents.get(by);
    return this.revisions.revise(
      caller,
      code,
      (record) => ({
        type: 'SupersedeDocument',
        data: {
          code: record.code,
          by,
          reason: request.reason,
          replacementExists: replacement !== undefined && replacement.municipality === record.municipality,
        },
      }),
      options,
    );
  }
}
