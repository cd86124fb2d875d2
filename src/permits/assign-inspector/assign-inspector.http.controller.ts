import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { PermitCommandResponses } from '../permit-headers.js';
import type { PermitView } from '../permits.read-model.js';
import { AssignInspectorCommand } from './assign-inspector.command.js';
import { AssignInspectorRequestDto } from './assign-inspector.request.dto.js';

@ApiTags('permits')
@Controller('permits/:id')
export class AssignInspectorHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('inspector')
  @Roles(['clerk'])
  @ApiOperation({
    summary: 'Assign the stage under way to a building inspector (بازرس ساختمان) of the file’s region',
  })
  @PermitCommandResponses('PERMIT.NO_INSPECTION_DUE, PERMIT.REVOKED, PERMIT.RENEWAL_PENDING')
  @ApiBadRequestResponse({ description: 'PERMIT.NOT_AN_INSPECTOR, PERMIT.INVALID_TIME' })
  assignInspector(
    @Param('id') id: string,
    @Body() body: AssignInspectorRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitView> {
    return this.commands.execute(new AssignInspectorCommand(caller, id, options, body));
  }
}
