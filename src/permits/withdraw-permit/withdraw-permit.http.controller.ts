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
import { WithdrawPermitCommand } from './withdraw-permit.command.js';

@ApiTags('permits')
@Controller('permits/:id')
export class WithdrawPermitHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('withdrawal')
  @Roles(PERMIT_APPLICANTS)
  @ApiOperation({ summary: 'Withdraw the application at any step before the permit is issued' })
  @PermitCommandResponses('PERMIT.ALREADY_ISSUED, PERMIT.CLOSED')
  withdrawPermit(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitView> {
    return this.commands.execute(new WithdrawPermitCommand(caller, id, options));
  }
}
