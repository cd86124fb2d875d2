import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { PermitCommandResponses } from '../permit-headers.js';
import type { PermitView } from '../permits.read-model.js';
import { CommissionRulingRequestDto } from './record-commission-ruling.request.dto.js';
import { RecordCommissionRulingCommand } from './record-commission-ruling.command.js';

@ApiTags('permits')
@Controller('permits/:id')
export class RecordCommissionRulingHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('commission-ruling')
  @Roles(['clerk'])
  @ApiOperation({ summary: 'Record the commission’s ruling: a fine (then paid) or demolition' })
  @PermitCommandResponses('PERMIT.NOT_IN_COMMISSION')
  @ApiBadRequestResponse({ description: 'PERMIT.INVALID_RULING, REQUEST.INVALID' })
  recordCommissionRuling(
    @Param('id') id: string,
    @Body() body: CommissionRulingRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitView> {
    return this.commands.execute(new RecordCommissionRulingCommand(caller, id, options, body));
  }
}
