import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '../../../identity/auth/caller.decorator.js';
import { RefundDecision } from '../refund-decision.responses.js';
import type { RefundResponseDto } from '../refund.response.dto.js';
import { DeclineRefundCommand } from './decline-refund.command.js';
import { DeclineRefundRequestDto } from './decline-refund.request.dto.js';

@ApiTags('refunds')
@Controller('refunds')
export class DeclineRefundHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':refundId/decline')
  @RefundDecision('Decline a refund, saying why: a second person of the municipality, never its requester')
  declineRefund(
    @Param('refundId') refundId: string,
    @Body() body: DeclineRefundRequestDto,
    @CurrentCaller() caller: Caller,
  ): Promise<RefundResponseDto> {
    return this.commands.execute(new DeclineRefundCommand(refundId, body.reason, caller));
  }
}
