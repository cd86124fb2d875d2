import { Injectable } from '@nestjs/common';
import type { DocumentRecord } from '../../projections/documents/documents.projection.js';
import { documentsProjection } from '../../projections/documents/documents.projection.js';
import type { CommandOptions } from '../event-store/command-handling/command-context.js';
import { CommandRunner } from '../event-store/command-handling/command-runner.js';
import type { Caller } from '../identity/auth/caller.decorator.js';
import { DocumentAccess } from './document-access.js';
import { documentDecider, documentNotFound, type DocumentCommand } from './document.decider.js';
import { documentStream } from './document.events.js';
import { DocumentsReadModel } from './documents.read-model.js';

/** Revocation and supersession, by the issuing municipality's staff; answers the record afterwards. */
@Injectable()
export class DocumentRevisions {
  constructor(
    private readonly commands: CommandRunner,
    private readonly access: DocumentAccess,
    private readonly documents: DocumentsReadModel,
  ) {}

  async revise(
    caller: Caller,
    code: string,
    command: (record: DocumentRecord) => DocumentCommand,
    options: CommandOptions,
  ): Promise<DocumentRecord> {
    const record = this.access.handledBy(caller, code);
    await this.commands.run(
      documentStream(record.code),
      documentDecider,
      command(record),
      caller.commandContext(),
      {
        ...options,
        awaiting: [documentsProjection.name],
      },
    );
    return this.documents.getOr(record.code, documentNotFound);
  }
}
