import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { PermitCommandResponses } from '../permit-headers.js';
import type { PermitView } from '../permits.read-model.js';
import { ReportSiteVisitCommand } from './report-site-visit.command.js';
import { ReportSiteVisitRequestDto } from './report-site-visit.request.dto.js';

/** The surveyor's (نقشه‌بردار) site visit: photos first (upload-site-photo), then the report that cites them. */
@ApiTags('permits')
@Controller('permits/:id')
export class ReportSiteVisitHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('site-visit')
  @Roles(['surveyor'])
  @ApiOperation({
    summary: 'Report the site visit: measured area, street width, existing structures, photos',
  })
  @PermitCommandResponses('PERMIT.NOT_SURVEYING; 403 PERMIT.NOT_ASSIGNED_SURVEYOR')
  @ApiBadRequestResponse({ description: 'PERMIT.INVALID_SURVEY, PERMIT.UNKNOWN_PHOTO, REQUEST.INVALID' })
  reportSiteVisit(
    @Param('id') id: string,
    @Body() body: ReportSiteVisitRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitView> {
    return this.commands.execute(new ReportSiteVisitCommand(caller, id, options, body));
  }
}
