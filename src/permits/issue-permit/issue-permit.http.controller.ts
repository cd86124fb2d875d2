import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { PermitCommandResponses } from '../permit-headers.js';
import type { PermitView } from '../permits.read-model.js';
import { IssuePermitCommand } from './issue-permit.command.js';

@ApiTags('permits')
@Controller('permits/:id')
export class IssuePermitHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('permit')
  @Roles(['signatory'])
  @ApiOperation({
    summary: 'Issue the building permit (پروانه ساختمانی) as a signed document, valid as the rule set says',
  })
  @PermitCommandResponses(
    'PERMIT.FEES_NOT_ASSESSED, PERMIT.FEES_UNPAID, PERMIT.ALREADY_ISSUED, PERMIT.RENEWAL_PAID (a revoked permit whose renewal is paid: renew it), RULESET.NOT_IN_FORCE',
  )
  issuePermit(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitView> {
    return this.commands.execute(new IssuePermitCommand(caller, id, options));
  }
}
