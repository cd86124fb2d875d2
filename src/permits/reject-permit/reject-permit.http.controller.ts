import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { PermitCommandResponses } from '../permit-headers.js';
import type { PermitView } from '../permits.read-model.js';
import { ReasonRequestDto } from '../../shared/http/reason.request.dto.js';
import { RejectPermitCommand } from './reject-permit.command.js';

@ApiTags('permits')
@Controller('permits/:id')
export class RejectPermitHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('rejection')
  @Roles(['clerk'])
  @ApiOperation({ summary: 'Reject the application, with the reason, at any step before the permit' })
  @PermitCommandResponses('PERMIT.NOT_SUBMITTED, PERMIT.ALREADY_ISSUED, PERMIT.CLOSED')
  rejectPermit(
    @Param('id') id: string,
    @Body() body: ReasonRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitView> {
    return this.commands.execute(new RejectPermitCommand(caller, id, options, body));
  }
}
