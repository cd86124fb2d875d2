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
import { SupersedeDocumentRequestDto } from './supersede-document.request.dto.js';
import { DocumentRecordResponseDto } from '../document-record.response.dto.js';
import { SupersedeDocumentCommand } from './supersede-document.command.js';

/** Only the signatory (head of urban planning) of the issuing municipality revises a document. */
@ApiTags('documents')
@Controller('documents/:code')
export class SupersedeDocumentHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('supersession')
  @Roles(['signatory'])
  @ApiOperation({ summary: 'Mark a document as replaced by a newer one' })
  @ApiCreatedResponse({ type: DocumentRecordResponseDto, description: 'the document record, now superseded' })
  @ApiBadRequestResponse({
    description: 'DOCUMENT.REPLACEMENT_NOT_FOUND, DOCUMENT.SUPERSEDED_BY_ITSELF, REQUEST.INVALID',
  })
  @ApiNotFoundResponse({ description: 'DOCUMENT.NOT_FOUND' })
  @ApiConflictResponse({ description: 'DOCUMENT.NOT_VALID: already revoked or superseded' })
  supersedeDocument(
    @Param('code') code: string,
    @Body() body: SupersedeDocumentRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<DocumentRecordResponseDto> {
    return this.commands.execute(new SupersedeDocumentCommand(code, body, caller, options));
  }
}
