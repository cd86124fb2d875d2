import { Controller, Delete, Get, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { BlobStore } from '../../attachments/blob-store.js';
import { attachmentDisposition, keptFileName } from '../../attachments/file-name.js';
import { readSingleUpload } from '../../attachments/multipart-upload.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { DomainError } from '../../shared/domain-error.js';
import { UPLOAD_LIMIT_BYTES } from '../../shared/http/create-app.js';
import { PERMIT_READERS, PermitAccess } from '../permit-access.js';
import { PermitCommands } from '../permit-commands.js';
import { PermitCommandResponses } from '../permit-headers.js';
import type { PermitDocument } from '../permits.read-model.js';

const DOCUMENT_KIND = /^[a-z][a-z0-9_]{1,40}$/;
const APPLICANTS = ['citizen', 'counter_office'] as const;

/** The application's documents: deed, national card, maps, design files (PDF, JPEG, PNG, DWG, DXF). */
@ApiTags('permits')
@Controller('permits/:id/attachments')
export class AttachDocumentHttpController {
  constructor(
    private readonly commands: PermitCommands,
    private readonly access: PermitAccess,
    private readonly blobs: BlobStore,
  ) {}

  @Post()
  @Roles(APPLICANTS)
  @ApiOperation({
    summary:
      'Attach a document to a draft or returned application (multipart: the field kind, then the file)',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['kind', 'file'],
      properties: {
        kind: { type: 'string', example: 'ownership_deed' },
        file: { type: 'string', format: 'binary' },
      },
    },
  })
  @PermitCommandResponses('PERMIT.NOT_EDITABLE, PERMIT.DOCUMENT_ALREADY_ATTACHED')
  @ApiBadRequestResponse({
    description:
      'ATTACHMENT.MISSING, ATTACHMENT.UNSUPPORTED_TYPE, ATTACHMENT.EMPTY, PERMIT.INVALID_DOCUMENT_KIND',
  })
  @ApiPayloadTooLargeResponse({ description: 'ATTACHMENT.TOO_LARGE: more than 20 MB' })
  async attach(
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<PermitDocument> {
    this.commands.fileFor(caller, id, 'applicant');
    const upload = await readSingleUpload(request, UPLOAD_LIMIT_BYTES);
    const kind = upload.fields['kind'] ?? '';
    if (!DOCUMENT_KIND.test(kind)) {
      throw new DomainError(
        'PERMIT.INVALID_DOCUMENT_KIND',
        'Send the field kind (e.g. ownership_deed) before the file',
        'invalid',
      );
    }
    const blob = await this.blobs.put(upload.file, {
      maxBytes: UPLOAD_LIMIT_BYTES,
      allowedTypes: ['pdf', 'jpeg', 'png', 'dwg', 'dxf'],
    });
    // Refused or not, the bytes stay: the same ones may be another request's. BlobCollector removes
    // them later if no event names them.
    return this.commands.run(caller, id, 'applicant', (permit) => ({
      type: 'AttachDocument',
      data: {
        permitId: permit.permitId,
        attachment: {
          kind,
          sha256: blob.sha256,
          size: blob.size,
          mediaType: blob.mediaType,
          fileName: keptFileName(upload.fileName),
        },
      },
    }));
  }

  @Delete(':sha256')
  @Roles(APPLICANTS)
  @ApiOperation({ summary: 'Remove a document from a draft or returned application' })
  @PermitCommandResponses('PERMIT.NOT_EDITABLE')
  remove(
    @Param('id') id: string,
    @Param('sha256') sha256: string,
    @CurrentCaller() caller: Caller,
  ): Promise<PermitDocument> {
    return this.commands.run(caller, id, 'applicant', (permit) => ({
      type: 'RemoveDocument',
      data: { permitId: permit.permitId, sha256 },
    }));
  }

  @Get(':sha256')
  @Roles(PERMIT_READERS)
  @ApiOperation({ summary: 'Download an attached document' })
  @ApiOkResponse({ description: 'the file as uploaded' })
  async download(
    @Param('id') id: string,
    @Param('sha256') sha256: string,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Readable> {
    const permit = this.access.ownedOrHandled(caller, id);
    const attachment =
      permit.attachments.find((a) => a.sha256 === sha256) ??
      (permit.survey?.photos.includes(sha256)
        ? { mediaType: 'application/octet-stream', fileName: `site-photo-${sha256.slice(0, 12)}` }
        : undefined);
    if (!attachment) {
      throw new DomainError('ATTACHMENT.NOT_FOUND', 'The file has no such document', 'not_found');
    }
    const stream = await this.blobs.open(sha256);
    void reply
      .type(attachment.mediaType)
      .header('content-disposition', attachmentDisposition(attachment.fileName));
    return stream;
  }
}
