import { Command } from '@nestjs/cqrs';
import type { DocumentRecord } from '../../../projections/documents/documents.projection.js';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import type { ReasonRequestDto } from '../../shared/http/reason.request.dto.js';

export class RevokeDocumentCommand extends Command<DocumentRecord> {
  constructor(
    readonly code: string,
    readonly request: ReasonRequestDto,
    readonly caller: Caller,
    readonly options: CommandOptions,
  ) {
    super();
  }
}
