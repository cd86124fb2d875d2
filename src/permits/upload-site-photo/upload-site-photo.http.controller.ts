import { Controller, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { StoredBlob } from '../../attachments/blob-store.js';
import { readSingleUpload } from '../../attachments/multipart-upload.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { UPLOAD_LIMIT_BYTES } from '../../shared/http/create-app.js';
import { StoredBlobResponseDto } from './stored-blob.response.dto.js';
import { UploadSitePhotoCommand } from './upload-site-photo.command.js';

@ApiTags('permits')
@Controller('permits/:id')
export class UploadSitePhotoHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('site-photos')
  @Roles(['surveyor', 'inspector', 'engineer'])
  @ApiOperation({
    summary:
      'Upload a site or inspection photo (JPEG or PNG), or a supervising engineer’s stage-report file (also PDF); the report then cites its SHA-256',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: StoredBlobResponseDto })
  uploadSitePhoto(
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<StoredBlob> {
    const readUpload = () => readSingleUpload(request, UPLOAD_LIMIT_BYTES);
    return this.commands.execute(new UploadSitePhotoCommand(caller, id, readUpload));
  }
}
