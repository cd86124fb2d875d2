import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { PermitCommandResponses } from '../permit-headers.js';
import type { PermitView } from '../permits.read-model.js';
import { ReferToCommissionCommand } from './refer-to-commission.command.js';

@ApiTags('permits')
@Controller('permits/:id')
export class ReferToCommissionHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('commission-referral')
  @Roles(['clerk'])
  @ApiOperation({ summary: 'Refer a file with violations to the Article 100 commission (کمیسیون ماده ۱۰۰)' })
  @PermitCommandResponses('PERMIT.NOT_INSPECTED, PERMIT.NO_VIOLATIONS, PERMIT.ALREADY_REFERRED')
  referToCommission(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitView> {
    return this.commands.execute(new ReferToCommissionCommand(caller, id, options));
  }
}
