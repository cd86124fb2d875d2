import { Body, Controller, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { DocumentRecord } from '../../../projections/documents/documents.projection.js';
import { documentsProjection } from '../../../projections/documents/documents.projection.js';
import { parseDocumentCode } from '../../../signing/document-code.js';
import { CommandRunner } from '../../event-store/command-handling/command-runner.js';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { ReasonRequestDto } from '../../shared/http/reason.request.dto.js';
import { DocumentAccess } from '../document-access.js';
import { documentDecider, documentNotFound, type DocumentCommand } from '../document.decider.js';
import { documentStream } from '../document.events.js';
import { DocumentsReadModel } from '../documents.read-model.js';
import { SupersedeDocumentRequestDto } from './supersede-document.request.dto.js';

/** Only the signatory (head of urban planning) of the issuing municipality revokes or replaces a document. */
@ApiTags('documents')
@Controller('documents/:code')
export class ReviseDocumentHttpController {
  constructor(
    private readonly commands: CommandRunner,
    private readonly access: DocumentAccess,
    private readonly documents: DocumentsReadModel,
  ) {}

  @Post('revocation')
  @Roles(['signatory'])
  @ApiOperation({ summary: 'Revoke a document (ابطال): verification then answers revoked' })
  @ApiCreatedResponse({ description: 'the document record, now revoked' })
  @ApiBadRequestResponse({ description: 'DOCUMENT.REASON_REQUIRED, REQUEST.INVALID' })
  @ApiNotFoundResponse({ description: 'DOCUMENT.NOT_FOUND' })
  @ApiConflictResponse({ description: 'DOCUMENT.NOT_VALID: already revoked or superseded' })
  revoke(
    @Param('code') code: string,
    @Body() body: ReasonRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<DocumentRecord> {
    const record = this.access.handledBy(caller, code);
    return this.run(
      record,
      { type: 'RevokeDocument', data: { code: record.code, reason: body.reason } },
      caller,
      options,
    );
  }

  @Post('supersession')
  @Roles(['signatory'])
  @ApiOperation({ summary: 'Mark a document as replaced by a newer one' })
  @ApiCreatedResponse({ description: 'the document record, now superseded' })
  @ApiBadRequestResponse({
    description: 'DOCUMENT.REPLACEMENT_NOT_FOUND, DOCUMENT.SUPERSEDED_BY_ITSELF, REQUEST.INVALID',
  })
  @ApiNotFoundResponse({ description: 'DOCUMENT.NOT_FOUND' })
  @ApiConflictResponse({ description: 'DOCUMENT.NOT_VALID: already revoked or superseded' })
  supersede(
    @Param('code') code: string,
    @Body() body: SupersedeDocumentRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<DocumentRecord> {
    const record = this.access.handledBy(caller, code);
    const by = parseDocumentCode(body.by) ?? body.by;
    const replacement = this.documents.get(by);
    const command: DocumentCommand = {
      type: 'SupersedeDocument',
      data: {
        code: record.code,
        by,
        reason: body.reason,
        replacementExists: replacement !== undefined && replacement.municipality === record.municipality,
      },
    };
    return this.run(record, command, caller, options);
  }

  private async run(
    record: DocumentRecord,
    command: DocumentCommand,
    caller: Caller,
    options: CommandOptions,
  ): Promise<DocumentRecord> {
    await this.commands.run(documentStream(record.code), documentDecider, command, caller.commandContext(), {
      ...options,
      awaiting: [documentsProjection.name],
    });
    return this.documents.getOr(record.code, documentNotFound);
  }
}
