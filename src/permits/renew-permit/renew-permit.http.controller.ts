import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { PermitCommandResponses } from '../permit-headers.js';
import type { PermitView } from '../permits.read-model.js';
import { RenewPermitCommand } from './renew-permit.command.js';

@ApiTags('permits')
@Controller('permits/:id')
export class RenewPermitHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('renewal')
  @Roles(['signatory'])
  @ApiOperation({
    summary:
      'Renew the permit (تمدید پروانه) for the rule set’s period, from the later of now and its old end: ' +
      'a new signed permit document supersedes the old one',
  })
  @PermitCommandResponses(
    'PERMIT.NO_RENEWAL_REQUESTED, PERMIT.RENEWAL_UNPAID, PERMIT.CLOSED, RULESET.NOT_IN_FORCE',
  )
  @ApiBadRequestResponse({ description: 'PERMIT.INVALID_TIME, PERMIT.INVALID_VALIDITY' })
  renewPermit(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitView> {
    return this.commands.execute(new RenewPermitCommand(caller, id, options));
  }
}
