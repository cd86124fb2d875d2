import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../../identity/auth/caller.decorator.js';
import { RefundResponseDto } from '../refund.response.dto.js';
import { SettleRefundPayoutCommand } from './settle-refund-payout.command.js';
import { SettleRefundPayoutRequestDto } from './settle-refund-payout.request.dto.js';

@ApiTags('refunds')
@Controller('refunds')
export class SettleRefundPayoutHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':refundId/settle-payout')
  @Roles(['cashier'])
  @ApiOperation({
    summary:
      'Settle a gateway payout left `paying` (its outcome unknown), from what the gateway’s panel shows',
  })
  @ApiCreatedResponse({ type: RefundResponseDto })
  @ApiNotFoundResponse({ description: 'REFUND.NOT_FOUND: unknown, or not of the cashier’s municipality' })
  @ApiConflictResponse({ description: 'REFUND.NOT_PAYING, REFUND.ALREADY_PAID (details.status)' })
  settleRefundPayout(
    @Param('refundId') refundId: string,
    @Body() body: SettleRefundPayoutRequestDto,
    @CurrentCaller() caller: Caller,
  ): Promise<RefundResponseDto> {
    return this.commands.execute(new SettleRefundPayoutCommand(refundId, body, caller));
  }
}
