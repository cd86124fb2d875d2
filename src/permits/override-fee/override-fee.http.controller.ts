import { Body, Controller, Param, ParseEnumPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import type { FeeLineCode } from '../../fees/calculate-fees.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { PermitCommands } from '../permit-commands.js';
import { PermitCommandResponses } from '../permit-headers.js';
import type { PermitDocument } from '../permits.read-model.js';
import { OverrideFeeRequestDto } from './override-fee.request.dto.js';

const FEE_LINES: Record<FeeLineCode, FeeLineCode> = {
  PERMIT_FEE: 'PERMIT_FEE',
  DENSITY_SURPLUS: 'DENSITY_SURPLUS',
  PARKING_SHORTFALL: 'PARKING_SHORTFALL',
  RENEWAL_FEE: 'RENEWAL_FEE',
};

@ApiTags('permits')
@Controller('permits/:id/fees')
export class OverrideFeeHttpController {
  constructor(private readonly commands: PermitCommands) {}

  /** Recorded as FeeOverridden { line, from, to, reason } for oversight. */
  @Post(':line')
  @Roles(['clerk'])
  @ApiOperation({ summary: 'Change one assessed fee line, with the reason, before payment' })
  @PermitCommandResponses('PERMIT.FEES_NOT_ASSESSED, PERMIT.ALREADY_PAID')
  @ApiBadRequestResponse({
    description: 'PERMIT.UNKNOWN_FEE_LINE, PERMIT.INVALID_FEE_AMOUNT, REQUEST.INVALID',
  })
  override(
    @Param('id') id: string,
    @Param('line', new ParseEnumPipe(FEE_LINES)) line: FeeLineCode,
    @Body() body: OverrideFeeRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitDocument> {
    return this.commands.run(
      caller,
      id,
      'staff',
      (p) => ({
        type: 'OverrideFee',
        data: { permitId: p.permitId, line, to: body.to, reason: body.reason },
      }),
      options,
    );
  }
}
