import { Controller, Delete, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { PERMIT_APPLICANTS } from '../permit-access.js';
import { PermitCommandResponses } from '../permit-headers.js';
import type { PermitView } from '../permits.read-model.js';
import { RemoveAttachmentCommand } from './remove-attachment.command.js';

@ApiTags('permits')
@Controller('permits/:id/attachments')
export class RemoveAttachmentHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Delete(':sha256')
  @Roles(PERMIT_APPLICANTS)
  @ApiOperation({ summary: 'Remove an attachment from a draft or returned application' })
  @PermitCommandResponses('PERMIT.NOT_EDITABLE')
  removeAttachment(
    @Param('id') id: string,
    @Param('sha256') sha256: string,
    @CurrentCaller() caller: Caller,
  ): Promise<PermitView> {
    return this.commands.execute(new RemoveAttachmentCommand(caller, id, {}, { sha256 }));
  }
}
