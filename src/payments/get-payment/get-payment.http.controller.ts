import { Controller, Get, Param } from '@nestjs/common';
import { ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { PAYMENT_READERS, PaymentAccess } from '../payment-access.js';
import { PaymentResponseDto } from './payment.response.dto.js';

@ApiTags('payments')
@Controller('payments')
export class GetPaymentHttpController {
  constructor(private readonly access: PaymentAccess) {}

  @Get(':paymentId')
  @Roles(PAYMENT_READERS)
  @ApiOperation({ summary: 'An online payment: its amount, status and the gateway’s reference' })
  @ApiHeader({
    name: 'X-On-Behalf-Of',
    required: false,
    description: 'counter offices: the national id of the payer they act for',
  })
  @ApiOkResponse({ type: PaymentResponseDto })
  @ApiNotFoundResponse({ description: 'PAYMENT.NOT_FOUND: unknown, or not the caller’s to see' })
  get(@Param('paymentId') paymentId: string, @CurrentCaller() caller: Caller): PaymentResponseDto {
    return this.access.readable(caller, paymentId);
  }
}
