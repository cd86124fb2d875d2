import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { PermitCommandResponses } from '../permit-headers.js';
import type { PermitView } from '../permits.read-model.js';
import { ReportInspectionRequestDto } from './report-inspection.request.dto.js';
import { ReportInspectionCommand } from './report-inspection.command.js';

@ApiTags('permits')
@Controller('permits/:id')
export class ReportInspectionHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('inspection')
  @Roles(['inspector'])
  @ApiOperation({ summary: 'Report the completion inspection: compliant, or the violations found' })
  @PermitCommandResponses('PERMIT.NOT_AWAITING_INSPECTION, PERMIT.REVOKED, PERMIT.VIOLATIONS_REQUIRED')
  @ApiForbiddenResponse({ description: 'PERMIT.NOT_ASSIGNED_INSPECTOR (a file with stages)' })
  @ApiBadRequestResponse({ description: 'PERMIT.INVALID_INSPECTION, PERMIT.UNKNOWN_PHOTO, REQUEST.INVALID' })
  reportInspection(
    @Param('id') id: string,
    @Body() body: ReportInspectionRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitView> {
    return this.commands.execute(new ReportInspectionCommand(caller, id, options, body));
  }
}
