import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { PermitCommandResponses } from '../permit-headers.js';
import type { PermitView } from '../permits.read-model.js';
import { AssignSurveyorRequestDto } from './assign-surveyor.request.dto.js';
import { AssignSurveyorCommand } from './assign-surveyor.command.js';

@ApiTags('permits')
@Controller('permits/:id')
export class AssignSurveyorHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('surveyor')
  @Roles(['clerk'])
  @ApiOperation({ summary: 'Assign a surveyor (نقشه‌بردار) of the municipality to visit the site' })
  @PermitCommandResponses('PERMIT.NOT_TAKEN, PERMIT.NOT_UNDER_REVIEW')
  @ApiBadRequestResponse({ description: 'PERMIT.NOT_A_SURVEYOR' })
  assignSurveyor(
    @Param('id') id: string,
    @Body() body: AssignSurveyorRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitView> {
    return this.commands.execute(new AssignSurveyorCommand(caller, id, options, body));
  }
}
