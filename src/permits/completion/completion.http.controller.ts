import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { PermitCommands } from '../permit-commands.js';
import { PermitCommandResponses } from '../permit-headers.js';
import type { PermitDocument } from '../permits.read-model.js';
import { CommissionRulingRequestDto, ReportInspectionRequestDto } from './completion.request.dto.js';

/** After the building: the inspection, and the Article 100 commission (کمیسیون ماده ۱۰۰) for violations. */
@ApiTags('permits')
@Controller('permits/:id')
export class CompletionHttpController {
  constructor(private readonly commands: PermitCommands) {}

  @Post('inspection')
  @Roles(['surveyor'])
  @ApiOperation({ summary: 'Report the completion inspection: compliant, or the violations found' })
  @PermitCommandResponses('PERMIT.NOT_AWAITING_INSPECTION, PERMIT.VIOLATIONS_REQUIRED')
  @ApiBadRequestResponse({ description: 'PERMIT.INVALID_INSPECTION, REQUEST.INVALID' })
  inspect(
    @Param('id') id: string,
    @Body() body: ReportInspectionRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitDocument> {
    return this.commands.run(
      caller,
      id,
      'staff',
      (p) => ({
        type: 'ReportInspection',
        data: {
          permitId: p.permitId,
          inspectorId: caller.signedIn.id,
          compliant: body.compliant,
          violations: body.violations.map((v) => ({ ...v })),
        },
      }),
      options,
    );
  }

  @Post('commission-referral')
  @Roles(['clerk'])
  @ApiOperation({ summary: 'Refer a file with violations to the Article 100 commission' })
  @PermitCommandResponses('PERMIT.NOT_INSPECTED, PERMIT.NO_VIOLATIONS, PERMIT.ALREADY_REFERRED')
  refer(@Param('id') id: string, @CurrentCaller() caller: Caller, @CommandHeaders() options: CommandOptions) {
    return this.commands.run(
      caller,
      id,
      'staff',
      (p) => ({ type: 'ReferToCommission', data: { permitId: p.permitId } }),
      options,
    );
  }

  @Post('commission-ruling')
  @Roles(['clerk'])
  @ApiOperation({ summary: 'Record the commission’s ruling: a fine (then paid) or demolition' })
  @PermitCommandResponses('PERMIT.NOT_IN_COMMISSION')
  @ApiBadRequestResponse({ description: 'PERMIT.INVALID_RULING, REQUEST.INVALID' })
  rule(
    @Param('id') id: string,
    @Body() body: CommissionRulingRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitDocument> {
    return this.commands.run(
      caller,
      id,
      'staff',
      (p) => ({ type: 'RecordCommissionRuling', data: { permitId: p.permitId, ...body } }),
      options,
    );
  }
}
