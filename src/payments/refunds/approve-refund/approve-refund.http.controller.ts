import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '../../../identity/auth/caller.decorator.js';
import { RefundDecision } from '../refund-decision.responses.js';
import type { RefundResponseDto } from '../refund.response.dto.js';
import { ApproveRefundCommand } from './approve-refund.command.js';

@ApiTags('refunds')
@Controller('refunds')
export class ApproveRefundHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':refundId/approve')
  @RefundDecision('Approve a refund: a second person of the municipality, never its requester')
  approveRefund(
    @Param('refundId') refundId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<RefundResponseDto> {
    return this.commands.execute(new ApproveRefundCommand(refundId, caller));
  }
}
