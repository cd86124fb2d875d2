import { Body, Controller, Param, ParseEnumPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import type { FeeLineCode } from '../../fees/calculate-fees.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { PermitCommandResponses } from '../permit-headers.js';
import type { PermitView } from '../permits.read-model.js';
import { OverrideFeeCommand } from './override-fee.command.js';
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
  constructor(private readonly commands: CommandBus) {}

  /** Recorded as FeeOverridden { line, from, to, reason } for oversight. */
  @Post(':line')
  @Roles(['clerk'])
  @ApiOperation({ summary: 'Change one assessed fee line, with the reason, before payment' })
  @PermitCommandResponses('PERMIT.FEES_NOT_ASSESSED, PERMIT.ALREADY_PAID')
  @ApiBadRequestResponse({
    description: 'PERMIT.UNKNOWN_FEE_LINE, PERMIT.INVALID_FEE_AMOUNT, REQUEST.INVALID',
  })
  overrideFee(
    @Param('id') id: string,
    @Param('line', new ParseEnumPipe(FEE_LINES)) line: FeeLineCode,
    @Body() body: OverrideFeeRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitView> {
    return this.commands.execute(new OverrideFeeCommand(caller, id, options, { ...body, line }));
  }
}
