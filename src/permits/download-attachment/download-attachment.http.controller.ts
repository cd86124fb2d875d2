import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import { attachmentDisposition } from '../../attachments/file-name.js';
import { ApiPurposeHeader } from '../../audit/record-access/purpose-header.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { PERMIT_READERS } from '../permit-access.js';
import { DownloadAttachmentQuery } from './download-attachment.query.js';

@ApiTags('permits')
@Controller('permits/:id/attachments')
export class DownloadAttachmentHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':sha256')
  @Roles(PERMIT_READERS)
  @ApiPurposeHeader()
  @ApiOperation({ summary: 'Download an attached file' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'the file as uploaded', schema: { type: 'string', format: 'binary' } })
  async downloadAttachment(
    @Param('id') id: string,
    @Param('sha256') sha256: string,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Readable> {
    const { stream, mediaType, fileName } = await this.queries.execute(
      new DownloadAttachmentQuery(caller, id, sha256),
    );
    void reply.type(mediaType).header('content-disposition', attachmentDisposition(fileName));
    return stream;
  }
}
