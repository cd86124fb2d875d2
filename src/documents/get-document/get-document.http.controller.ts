import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { canonicalJson } from '../../../signing/canonical-json.js';
import { ApiPurposeHeader } from '../../audit/record-access/purpose-header.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { DOCUMENT_READERS } from '../document-access.js';
import { DocumentBarcodes } from './document-barcodes.js';
import { GetDocumentQuery } from './get-document.query.js';
import { GetSignedDocumentQuery } from './get-signed-document.query.js';

const notFound = 'DOCUMENT.NOT_FOUND: no such document, or not one the caller holds or handles';
// The bytes never change once issued.
const IMMUTABLE = 'private, max-age=31536000, immutable';

@ApiTags('documents')
@Controller('documents/:code')
export class GetDocumentHttpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly barcodes: DocumentBarcodes,
  ) {}

  /** Exactly the bytes that were signed: the canonical JSON (RFC 8785) of the content. */
  @Get('content.json')
  @Roles(DOCUMENT_READERS, { permission: 'inquiries:read' })
  @ApiPurposeHeader()
  @ApiOperation({ summary: 'The signed content of a document, byte for byte as signed' })
  @ApiProduces('application/json')
  @ApiOkResponse({
    schema: { type: 'object', additionalProperties: true },
    description: 'canonical JSON (RFC 8785)',
  })
  @ApiNotFoundResponse({ description: notFound })
  async getDocumentContent(
    @Param('code') code: string,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { issued } = await this.queries.execute(new GetSignedDocumentQuery(code, caller));
    void reply.type('application/json; charset=utf-8').header('cache-control', IMMUTABLE);
    return canonicalJson(issued.content);
  }

  @Get('signature.p7s')
  @Roles(DOCUMENT_READERS, { permission: 'inquiries:read' })
  @ApiPurposeHeader()
  @ApiOperation({
    summary: 'The CMS detached signature (DER) over content.json',
    description:
      'openssl cms -verify -inform DER -binary -in signature.p7s -content content.json -CAfile ca.pem',
  })
  @ApiProduces('application/pkcs7-signature')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'DER' })
  @ApiNotFoundResponse({ description: notFound })
  async getDocumentSignature(
    @Param('code') code: string,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { record, issued } = await this.queries.execute(new GetSignedDocumentQuery(code, caller));
    void reply
      .type('application/pkcs7-signature')
      .header('content-disposition', `attachment; filename="${record.code}.p7s"`)
      .header('cache-control', IMMUTABLE);
    return Buffer.from(issued.signature, 'base64');
  }

  @Get('qr.png')
  @Roles(DOCUMENT_READERS, { permission: 'inquiries:read' })
  @ApiPurposeHeader()
  @ApiOperation({ summary: 'QR code of the verification URL with the offline seal after #' })
  @ApiProduces('image/png')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ description: notFound })
  async getDocumentQrPng(
    @Param('code') code: string,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const image = await this.barcodes.qrPng(await this.record(code, caller));
    void reply.type('image/png').header('cache-control', IMMUTABLE);
    return image;
  }

  @Get('qr.svg')
  @Roles(DOCUMENT_READERS, { permission: 'inquiries:read' })
  @ApiPurposeHeader()
  @ApiOperation({ summary: 'The same QR code as SVG' })
  @ApiProduces('image/svg+xml')
  @ApiOkResponse({ schema: { type: 'string' } })
  @ApiNotFoundResponse({ description: notFound })
  async getDocumentQrSvg(
    @Param('code') code: string,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const image = this.barcodes.qrSvg(await this.record(code, caller));
    void reply.type('image/svg+xml').header('cache-control', IMMUTABLE);
    return image;
  }

  @Get('barcode.png')
  @Roles(DOCUMENT_READERS, { permission: 'inquiries:read' })
  @ApiPurposeHeader()
  @ApiOperation({ summary: 'Code 128 of the document code' })
  @ApiProduces('image/png')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ description: notFound })
  async getDocumentBarcode(
    @Param('code') code: string,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const image = await this.barcodes.code128Png(await this.record(code, caller));
    void reply.type('image/png').header('cache-control', IMMUTABLE);
    return image;
  }

  private record(code: string, caller: Caller) {
    return this.queries.execute(new GetDocumentQuery(code, caller));
  }
}
