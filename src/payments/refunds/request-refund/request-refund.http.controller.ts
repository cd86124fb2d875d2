import { Body, Controller, Post } from '@nestjs/common';
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
import { Location } from '../../../shared/http/command-response.interceptor.js';
import { RefundResponseDto } from '../refund.response.dto.js';
import { RequestRefundCommand } from './request-refund.command.js';
import { RequestRefundRequestDto } from './request-refund.request.dto.js';

@ApiTags('refunds')
@Controller('refunds')
export class RequestRefundHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** Staff of the payment's municipality; a second person approves. */
  @Post()
  @Location('/refunds/{refundId}')
  @Roles(['clerk'])
  @ApiOperation({ summary: 'Request a refund (استرداد وجه) of a gateway payment for its payer' })
  @ApiCreatedResponse({ type: RefundResponseDto })
  @ApiNotFoundResponse({ description: 'PAYMENT.NOT_FOUND: unknown, or not of the clerk’s municipality' })
  @ApiConflictResponse({ description: 'REFUND.EXCEEDS_PAYMENT (details.refundable)' })
  requestRefund(
    @Body() body: RequestRefundRequestDto,
    @CurrentCaller() caller: Caller,
  ): Promise<RefundResponseDto> {
    return this.commands.execute(new RequestRefundCommand(body, caller));
  }
}
