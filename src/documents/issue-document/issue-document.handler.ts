import { createHash } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { documentCodeFrom } from '../../../signing/document-code.js';
import { documentsProjection } from '../../../projections/documents/documents.projection.js';
import { CommandRunner } from '../../event-store/command-handling/command-runner.js';
import { DomainError } from '../../shared/domain-error.js';
import { documentDecider } from '../document.decider.js';
import { documentStream, type DocumentContent } from '../document.events.js';
import { DocumentSigner } from '../document-signer.js';
import type { CommandContext } from '../../event-store/command-handling/command-context.js';
import { type DocumentRequest, IssueDocumentCommand } from './issue-document.command.js';

const CODE_ATTEMPTS = 5;

/**
 * The code is drawn from the causing event's id, so a reaction that runs twice for one event finds the
 * document it issued the first time instead of issuing a second one.
 */
@CommandHandler(IssueDocumentCommand)
export class IssueDocumentHandler implements ICommandHandler<IssueDocumentCommand> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly signer: DocumentSigner,
  ) {}

  async execute({ request, context }: IssueDocumentCommand): Promise<{ readonly code: string }> {
    for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt += 1) {
      const code = documentCodeFrom(
        createHash('sha256').update(`${request.subject.eventId}/${attempt}`).digest(),
      );
      try {
        await this.issueUnder(code, request, context);
        return { code };
      } catch (error) {
        // Saved: a lagging documents view is for /ready to report, not a reason to issue again.
        if (error instanceof DomainError && error.code === 'READ_MODEL.BEHIND') return { code };
        if (!(error instanceof DomainError && error.code === 'DOCUMENT.CODE_TAKEN')) throw error;
      }
    }
    throw new DomainError('DOCUMENT.NO_FREE_CODE', 'No free document code was found', 'unavailable');
  }

  /** Signs and stores the document under `code`; tests issue one under a code of the old check symbols. */
  async issueUnder(
    code: string,
    { subject, ...fields }: DocumentRequest,
    context: CommandContext,
  ): Promise<void> {
    const content: DocumentContent = { code, issuedAt: context.now, ...fields };
    const signature = await this.signer.sign(content);
    await this.commands.run(
      documentStream(code),
      documentDecider,
      {
        type: 'IssueDocument',
        data: {
          code,
          kind: content.kind,
          municipality: content.municipality,
          subject,
          content,
          ...signature,
          issuedAt: context.now,
        },
      },
      context,
      { awaiting: [documentsProjection.name] },
    );
  }
}
