import { Controller, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { readSingleUpload } from '../../attachments/multipart-upload.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { UPLOAD_LIMIT_BYTES } from '../../shared/http/create-app.js';
import { PERMIT_APPLICANTS } from '../permit-access.js';
import { PermitCommandResponses } from '../permit-headers.js';
import type { PermitView } from '../permits.read-model.js';
import { AddAttachmentCommand } from './add-attachment.command.js';

@ApiTags('permits')
@Controller('permits/:id/attachments')
export class AddAttachmentHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles(PERMIT_APPLICANTS)
  @ApiOperation({
    summary:
      'Attach a file (PDF, JPEG, PNG, DWG, DXF) to a draft or returned application (multipart: the field kind, then the file)',
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
  addAttachment(
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<PermitView> {
    const readUpload = () => readSingleUpload(request, UPLOAD_LIMIT_BYTES);
    return this.commands.execute(new AddAttachmentCommand(caller, id, readUpload));
  }
}
