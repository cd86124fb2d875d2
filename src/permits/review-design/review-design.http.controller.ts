import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { PermitCommands } from '../permit-commands.js';
import { PermitFees } from '../permit-fees.js';
import { PermitCommandResponses } from '../permit-headers.js';
import type { PermitDocument } from '../permits.read-model.js';
import { ApproveDesignRequestDto, ReturnDesignRequestDto } from './review-design.request.dto.js';

@ApiTags('permits')
@Controller('permits/:id/design')
export class ReviewDesignHttpController {
  constructor(
    private readonly commands: PermitCommands,
    private readonly fees: PermitFees,
  ) {}

  /** Approval assesses the fees at once (by the rules, recording the rule-set version and each line). */
  @Post('approval')
  @Roles(['clerk'])
  @ApiOperation({
    summary: 'Approve the design; a design that breaks a limit needs a written override reason',
  })
  @PermitCommandResponses(
    'PERMIT.NO_DESIGN_TO_REVIEW, PERMIT.DESIGN_VIOLATES_LIMITS (details.violations), FEE.UNKNOWN_REGION, RULESET.NOT_IN_FORCE',
  )
  @ApiBadRequestResponse({ description: 'FEE.USE_NOT_ALLOWED: the design’s use cannot be priced; return it' })
  approve(
    @Param('id') id: string,
    @Body() body: ApproveDesignRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitDocument> {
    return this.commands.run(
      caller,
      id,
      'staff',
      (p) => {
        // Priced first, so an approval never leaves a file whose fees cannot be assessed.
        if (p.design && p.mapOrder) this.fees.estimate(p, p.mapOrder.limits, p.design.design, caller.now);
        return {
          type: 'ApproveDesign',
          data: {
            permitId: p.permitId,
            ...(body.overrideReason ? { overrideReason: body.overrideReason } : {}),
          },
        };
      },
      { ...options, until: (file) => file?.fees !== undefined },
    );
  }

  @Post('return')
  @Roles(['clerk'])
  @ApiOperation({ summary: 'Return the design to the engineer with reasons' })
  @PermitCommandResponses('PERMIT.NO_DESIGN_TO_REVIEW')
  return(
    @Param('id') id: string,
    @Body() body: ReturnDesignRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitDocument> {
    return this.commands.run(
      caller,
      id,
      'staff',
      (p) => ({ type: 'ReturnDesign', data: { permitId: p.permitId, reasons: body.reasons } }),
      options,
    );
  }
}
