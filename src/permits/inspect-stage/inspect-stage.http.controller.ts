import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { PermitCommandResponses } from '../permit-headers.js';
import type { PermitView } from '../permits.read-model.js';
import { InspectStageCommand } from './inspect-stage.command.js';
import { InspectStageRequestDto } from './inspect-stage.request.dto.js';

@ApiTags('permits')
@Controller('permits/:id')
export class InspectStageHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('stage-inspections')
  @Roles(['inspector'])
  @ApiOperation({
    summary: 'Report a construction stage’s inspection: findings, photos, compliant or the violations found',
  })
  @PermitCommandResponses('PERMIT.NOT_CURRENT_STAGE, PERMIT.REVOKED, PERMIT.RENEWAL_PENDING')
  @ApiForbiddenResponse({ description: 'PERMIT.NOT_ASSIGNED_INSPECTOR' })
  @ApiBadRequestResponse({
    description:
      'PERMIT.INVALID_INSPECTION, PERMIT.VIOLATIONS_REQUIRED, PERMIT.UNKNOWN_PHOTO, REQUEST.INVALID',
  })
  inspectStage(
    @Param('id') id: string,
    @Body() body: InspectStageRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitView> {
    return this.commands.execute(new InspectStageCommand(caller, id, options, body));
  }
}
