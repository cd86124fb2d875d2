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
import { RequestRenewalCommand } from './request-renewal.command.js';

@ApiTags('permits')
@Controller('permits/:id')
export class RequestRenewalHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('renewal-request')
  @Roles(PERMIT_APPLICANTS)
  @ApiOperation({
    summary:
      'Ask to renew (تمدید پروانه) an issued or expired permit on its own file: the renewal fee is set ' +
      'by the rule set in force; pay it with purpose "renewal"',
  })
  @PermitCommandResponses(
    'PERMIT.NOT_ISSUED, PERMIT.COMPLETION_ALREADY_REQUESTED, PERMIT.VIOLATIONS_PENDING, PERMIT.RENEWAL_ALREADY_REQUESTED, ' +
      'PERMIT.REVOKED, PERMIT.RENEWAL_NEEDS_REVIEW (apply anew with renewsPermitId), RULESET.NOT_IN_FORCE',
  )
  @ApiBadRequestResponse({ description: 'PERMIT.INVALID_TIME, FEE.USE_NOT_ALLOWED' })
  requestRenewal(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitView> {
    return this.commands.execute(new RequestRenewalCommand(caller, id, options));
  }
}
