import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { ReasonRequestDto } from '../../shared/http/reason.request.dto.js';
import { DocumentRecordResponseDto } from '../document-record.response.dto.js';
import { RevokeDocumentCommand } from './revoke-document.command.js';

/** Only the signatory (head of urban planning) of the issuing municipality revises a document. */
@ApiTags('documents')
@Controller('documents/:code')
export class RevokeDocumentHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('revocation')
  @Roles(['signatory'])
  @ApiOperation({ summary: 'Revoke a document (ابطال): verification then answers revoked' })
  @ApiCreatedResponse({ type: DocumentRecordResponseDto, description: 'the document record, now revoked' })
  @ApiBadRequestResponse({ description: 'DOCUMENT.REASON_REQUIRED, REQUEST.INVALID' })
  @ApiNotFoundResponse({ description: 'DOCUMENT.NOT_FOUND' })
  @ApiConflictResponse({ description: 'DOCUMENT.NOT_VALID: already revoked or superseded' })
  revokeDocument(
    @Param('code') code: string,
    @Body() body: ReasonRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<DocumentRecordResponseDto> {
    return this.commands.execute(new RevokeDocumentCommand(code, body, caller, options));
  }
}
