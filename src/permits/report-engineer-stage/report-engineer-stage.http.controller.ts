import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { PermitCommandResponses } from '../permit-headers.js';
import type { PermitView } from '../permits.read-model.js';
import { ReportEngineerStageCommand } from './report-engineer-stage.command.js';
import { ReportEngineerStageRequestDto } from './report-engineer-stage.request.dto.js';

@ApiTags('permits')
@Controller('permits/:id')
export class ReportEngineerStageHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('stage-reports')
  @Roles(['engineer'])
  @ApiOperation({ summary: 'The supervising engineer’s report (گزارش مهندس ناظر) on the stage under way' })
  @PermitCommandResponses('PERMIT.NOT_CURRENT_STAGE, PERMIT.REVOKED, PERMIT.RENEWAL_PENDING')
  @ApiForbiddenResponse({ description: 'PERMIT.NOT_NOMINATED_ENGINEER' })
  @ApiBadRequestResponse({
    description: 'PERMIT.INVALID_STAGE_REPORT, PERMIT.UNKNOWN_PHOTO (a paper not uploaded), REQUEST.INVALID',
  })
  reportEngineerStage(
    @Param('id') id: string,
    @Body() body: ReportEngineerStageRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitView> {
    return this.commands.execute(new ReportEngineerStageCommand(caller, id, options, body));
  }
}
