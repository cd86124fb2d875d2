import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { DOCUMENT_READERS } from '../document-access.js';
import { PrintDocumentQuery } from './print-document.query.js';

@ApiTags('documents')
@Controller('documents')
export class PrintDocumentHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':code')
  @Roles(DOCUMENT_READERS, { permission: 'inquiries:read' })
  @ApiOperation({ summary: 'The printable document in Persian with its QR code and Code 128 (print to PDF)' })
  @ApiProduces('text/html')
  @ApiOkResponse({ schema: { type: 'string' }, description: 'an HTML page' })
  @ApiNotFoundResponse({ description: 'DOCUMENT.NOT_FOUND' })
  async printDocument(
    @Param('code') code: string,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const page = await this.queries.execute(new PrintDocumentQuery(code, caller));
    void reply.type('text/html; charset=utf-8');
    return page;
  }
}
