import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { BlobStore, type StoredBlob } from '../../attachments/blob-store.js';
import { readSingleUpload } from '../../attachments/multipart-upload.js';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { DomainError } from '../../shared/domain-error.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { UPLOAD_LIMIT_BYTES } from '../../shared/http/create-app.js';
import { PermitCommands } from '../permit-commands.js';
import { PermitCommandResponses } from '../permit-headers.js';
import type { PermitDocument } from '../permits.read-model.js';
import { ReportSiteVisitRequestDto } from './report-site-visit.request.dto.js';

/** The surveyor's (نقشه‌بردار) site visit: photos first, then the report that cites them. */
@ApiTags('permits')
@Controller('permits/:id')
export class ReportSiteVisitHttpController {
  constructor(
    private readonly commands: PermitCommands,
    private readonly blobs: BlobStore,
  ) {}

  @Post('site-photos')
  @Roles(['surveyor'])
  @ApiOperation({ summary: 'Upload a site photo (JPEG or PNG); the report then cites its SHA-256' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ description: '{ sha256, size, mediaType }' })
  async uploadPhoto(
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<StoredBlob> {
    this.commands.fileFor(caller, id, 'staff');
    const upload = await readSingleUpload(request, UPLOAD_LIMIT_BYTES);
    return this.blobs.put(upload.file, { maxBytes: UPLOAD_LIMIT_BYTES, allowedTypes: ['jpeg', 'png'] });
  }

  @Post('site-visit')
  @Roles(['surveyor'])
  @ApiOperation({
    summary: 'Report the site visit: measured area, street width, existing structures, photos',
  })
  @PermitCommandResponses('PERMIT.NOT_SURVEYING; 403 PERMIT.NOT_ASSIGNED_SURVEYOR')
  @ApiBadRequestResponse({ description: 'PERMIT.INVALID_SURVEY, PERMIT.UNKNOWN_PHOTO, REQUEST.INVALID' })
  async report(
    @Param('id') id: string,
    @Body() body: ReportSiteVisitRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitDocument> {
    for (const photo of body.photos) {
      // Touched, not only looked up: a photo uploaded long ago is then safe from the blob collector.
      if (!(await this.blobs.touch(photo))) {
        throw new DomainError('PERMIT.UNKNOWN_PHOTO', `No photo ${photo} was uploaded`, 'invalid', { photo });
      }
    }
    return this.commands.run(
      caller,
      id,
      'staff',
      (p) => ({
        type: 'ReportSiteVisit',
        data: {
          permitId: p.permitId,
          surveyorId: caller.signedIn.id,
          survey: {
            measuredAreaM2: body.measuredAreaM2,
            streetWidthM: body.streetWidthM,
            existingStructures: body.existingStructures.map((s) => ({ ...s })),
            photos: body.photos,
          },
        },
      }),
      options,
    );
  }
}
