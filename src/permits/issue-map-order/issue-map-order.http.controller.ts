import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { PermitCommandResponses } from '../permit-headers.js';
import type { PermitView } from '../permits.read-model.js';
import { IssueMapOrderCommand } from './issue-map-order.command.js';

@ApiTags('permits')
@Controller('permits/:id')
export class IssueMapOrderHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** The limits come from the rule set in force and the measured area, never from the clerk. */
  @Post('map-order')
  @Roles(['clerk'])
  @ApiOperation({
    summary:
      'Issue the map order (دستور نقشه): the limits in force on the measured parcel, as a signed document',
  })
  @PermitCommandResponses('PERMIT.NOT_SURVEYED, PERMIT.MAP_ORDER_ALREADY_ISSUED, RULESET.NOT_IN_FORCE')
  issueMapOrder(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitView> {
    return this.commands.execute(new IssueMapOrderCommand(caller, id, options));
  }
}
