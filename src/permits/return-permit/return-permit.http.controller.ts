import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { PermitCommandResponses } from '../permit-headers.js';
import type { PermitView } from '../permits.read-model.js';
import { ReturnPermitRequestDto } from './return-permit.request.dto.js';
import { ReturnPermitCommand } from './return-permit.command.js';

@ApiTags('permits')
@Controller('permits/:id')
export class ReturnPermitHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('return')
  @Roles(['clerk'])
  @ApiOperation({ summary: 'Return the file to the applicant with reasons, per document or overall' })
  @PermitCommandResponses('PERMIT.NOT_TAKEN, PERMIT.NOT_UNDER_REVIEW')
  @ApiBadRequestResponse({ description: 'PERMIT.REASON_REQUIRED, REQUEST.INVALID' })
  returnPermit(
    @Param('id') id: string,
    @Body() body: ReturnPermitRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitView> {
    return this.commands.execute(new ReturnPermitCommand(caller, id, options, body));
  }
}
