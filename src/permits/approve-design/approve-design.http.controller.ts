import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { PermitCommandResponses } from '../permit-headers.js';
import type { PermitView } from '../permits.read-model.js';
import { ApproveDesignRequestDto } from './approve-design.request.dto.js';
import { ApproveDesignCommand } from './approve-design.command.js';

@ApiTags('permits')
@Controller('permits/:id')
export class ApproveDesignHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** Approval assesses the fees at once (by the rules, recording the rule-set version and each line). */
  @Post('design/approval')
  @Roles(['clerk'])
  @ApiOperation({
    summary: 'Approve the design; a design that breaks a limit needs a written override reason',
  })
  @PermitCommandResponses(
    'PERMIT.NO_DESIGN_TO_REVIEW, PERMIT.DESIGN_VIOLATES_LIMITS (details.violations), FEE.UNKNOWN_REGION, RULESET.NOT_IN_FORCE',
  )
  @ApiBadRequestResponse({ description: 'FEE.USE_NOT_ALLOWED: the design’s use cannot be priced; return it' })
  approveDesign(
    @Param('id') id: string,
    @Body() body: ApproveDesignRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitView> {
    return this.commands.execute(new ApproveDesignCommand(caller, id, options, body));
  }
}
