import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { PermitCommandResponses } from '../permit-headers.js';
import type { PermitView } from '../permits.read-model.js';
import { TakePermitCommand } from './take-permit.command.js';

@ApiTags('permits')
@Controller('permits/:id')
export class TakePermitHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('take')
  @Roles(['clerk'])
  @ApiOperation({ summary: 'Take a submitted file in hand' })
  @PermitCommandResponses('PERMIT.NOT_SUBMITTED, PERMIT.NOT_UNDER_REVIEW')
  takePermit(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitView> {
    return this.commands.execute(new TakePermitCommand(caller, id, options));
  }
}
