import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiBadRequestResponse,
} from '@nestjs/swagger';
import { Roles } from '../../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../../identity/auth/caller.decorator.js';
import { RefundResponseDto } from '../refund.response.dto.js';
import { PayRefundCommand } from './pay-refund.command.js';
import { PayRefundRequestDto } from './pay-refund.request.dto.js';

@ApiTags('refunds')
@Controller('refunds')
export class PayRefundHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':refundId/pay')
  @Roles(['cashier'])
  @ApiOperation({ summary: 'Pay an approved refund: through the gateway’s refund, or at the cash desk' })
  @ApiCreatedResponse({ type: RefundResponseDto })
  @ApiNotFoundResponse({ description: 'REFUND.NOT_FOUND: unknown, or not of the cashier’s municipality' })
  @ApiConflictResponse({
    description:
      'REFUND.NOT_APPROVED, REFUND.ALREADY_PAID, REFUND.PAYOUT_IN_PROGRESS (the gateway was asked already) (details.status)',
  })
  @ApiBadRequestResponse({
    description:
      'PAYMENT.REFUND_REFUSED: the gateway said no; the refund is approved again, for the cash desk',
  })
  @ApiServiceUnavailableResponse({
    description:
      'REFUND.PAYOUT_OUTCOME_UNKNOWN: the refund stays paying; check the gateway’s panel and settle-payout',
  })
  payRefund(
    @Param('refundId') refundId: string,
    @Body() body: PayRefundRequestDto,
    @CurrentCaller() caller: Caller,
  ): Promise<RefundResponseDto> {
    return this.commands.execute(new PayRefundCommand(refundId, body, caller));
  }
}
