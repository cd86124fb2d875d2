import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { MunicipalitiesReadModel } from '../../identity/municipalities/municipalities.read-model.js';
import { DOCUMENT_READERS, DocumentAccess } from '../document-access.js';
import { DocumentBarcodes } from '../get-document/document-barcodes.js';
import { documentPrintPage } from './document-print-page.js';

@ApiTags('documents')
@Controller('documents')
export class PrintDocumentHttpController {
  constructor(
    private readonly access: DocumentAccess,
    private readonly barcodes: DocumentBarcodes,
    private readonly municipalities: MunicipalitiesReadModel,
  ) {}

  @Get(':code')
  @Roles(DOCUMENT_READERS, { permission: 'inquiries:read' })
  @ApiOperation({ summary: 'The printable document in Persian with its QR code and Code 128 (print to PDF)' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'an HTML page' })
  @ApiNotFoundResponse({ description: 'DOCUMENT.NOT_FOUND' })
  async print(
    @Param('code') code: string,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const record = this.access.readable(caller, code);
    const [issued, code128Png] = await Promise.all([
      this.access.issued(record),
      this.barcodes.code128Png(record),
    ]);
    void reply.type('text/html; charset=utf-8');
    return documentPrintPage({
      record,
      content: issued.content,
      municipalityNameFa: this.municipalities.get(record.municipality)?.nameFa ?? record.municipality,
      qrSvg: this.barcodes.qrSvg(record),
      code128Png,
      verifyUrl: this.barcodes.verifyUrl(record.code),
    });
  }
}
