import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { PERMIT_APPLICANTS } from '../permit-access.js';
import { PermitCommandResponses } from '../permit-headers.js';
import type { PermitView } from '../permits.read-model.js';
import { SubmitPermitCommand } from './submit-permit.command.js';

@ApiTags('permits')
@Controller('permits/:id')
export class SubmitPermitHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('submission')
  @Roles(PERMIT_APPLICANTS)
  @ApiOperation({
    summary:
      'Submit the application; refused, naming them, while documents the rule set requires are missing',
  })
  @PermitCommandResponses(
    'PERMIT.MISSING_DOCUMENTS (details.missing), PERMIT.NOT_EDITABLE, RULESET.NOT_IN_FORCE',
  )
  submitPermit(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitView> {
    return this.commands.execute(new SubmitPermitCommand(caller, id, options));
  }
}
