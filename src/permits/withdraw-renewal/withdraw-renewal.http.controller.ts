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
import { WithdrawRenewalCommand } from './withdraw-renewal.command.js';

@ApiTags('permits')
@Controller('permits/:id')
export class WithdrawRenewalHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('renewal-request/withdrawal')
  @Roles(PERMIT_APPLICANTS)
  @ApiOperation({
    summary:
      'Withdraw a renewal request (تمدید پروانه) whose fee is not paid: the file is issued again, or ' +
      'expired if the permit ran out meanwhile; a paid renewal is the signatory’s to renew',
  })
  @PermitCommandResponses('PERMIT.NO_RENEWAL_REQUESTED, PERMIT.RENEWAL_PAID, PERMIT.CLOSED')
  withdrawRenewal(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitView> {
    return this.commands.execute(new WithdrawRenewalCommand(caller, id, options));
  }
}
