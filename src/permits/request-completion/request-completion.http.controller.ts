import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { PERMIT_APPLICANTS } from '../permit-access.js';
import { PermitCommandResponses } from '../permit-headers.js';
import type { PermitView } from '../permits.read-model.js';
import { RequestCompletionCommand } from './request-completion.command.js';

@ApiTags('permits')
@Controller('permits/:id')
export class RequestCompletionHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('completion-request')
  @Roles(PERMIT_APPLICANTS)
  @ApiOperation({ summary: 'Ask for the completion inspection (پایانکار) of a valid permit' })
  @PermitCommandResponses(
    'PERMIT.NOT_ISSUED, PERMIT.EXPIRED, PERMIT.COMPLETION_ALREADY_REQUESTED, PERMIT.RENEWAL_PENDING, ' +
      'PERMIT.REVOKED (details: code, reason, revokedAt), PERMIT.STAGE_NOT_INSPECTED (details: stage), ' +
      'PERMIT.VIOLATIONS_PENDING',
  )
  @ApiBadRequestResponse({ description: 'PERMIT.INVALID_TIME' })
  requestCompletion(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitView> {
    return this.commands.execute(new RequestCompletionCommand(caller, id, options));
  }
}
