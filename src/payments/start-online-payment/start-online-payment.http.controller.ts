import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { StartOnlinePaymentCommand } from './start-online-payment.command.js';
import { StartOnlinePaymentRequestDto } from './start-online-payment.request.dto.js';
import { StartOnlinePaymentResponseDto } from './start-online-payment.response.dto.js';
import { Location } from '../../shared/http/command-response.interceptor.js';

@ApiTags('payments')
@Controller('permits/:id/payments')
export class StartOnlinePaymentHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** Only the applicant pays online, or a counter office at their side: staff take payments at the cash desk. */
  @Post('online')
  @Location('/payments/{paymentId}')
  @Roles(['citizen', 'counter_office'])
  @ApiOperation({ summary: 'Pay a permit file’s fees or fine online: starts a payment at the gateway' })
  @ApiHeader({
    name: 'X-On-Behalf-Of',
    required: false,
    description: 'counter offices: the national id of the applicant they act for',
  })
  @ApiCreatedResponse({ type: StartOnlinePaymentResponseDto })
  @ApiNotFoundResponse({ description: 'PERMIT.NOT_FOUND: unknown, or not the caller’s file' })
  @ApiConflictResponse({
    description: 'PAYMENT.NOTHING_DUE (details.status); PAYMENT.GATEWAY_REFUSED (details.gatewayCode)',
  })
  @ApiServiceUnavailableResponse({
    description: 'PAYMENT.GATEWAY_UNAVAILABLE: the gateway did not answer; nothing recorded',
  })
  startOnlinePayment(
    @Param('id') permitId: string,
    @Body() body: StartOnlinePaymentRequestDto,
    @CurrentCaller() caller: Caller,
  ): Promise<StartOnlinePaymentResponseDto> {
    return this.commands.execute(new StartOnlinePaymentCommand(permitId, body, caller));
  }
}
