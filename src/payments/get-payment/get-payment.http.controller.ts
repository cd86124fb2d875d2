import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { PAYMENT_READERS } from '../payment-readers.js';
import { GetPaymentQuery } from './get-payment.query.js';
import { PaymentResponseDto } from './payment.response.dto.js';
import { ApiPurposeHeader } from '../../audit/record-access/purpose-header.js';

@ApiTags('payments')
@Controller('payments')
export class GetPaymentHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':paymentId')
  @Roles(PAYMENT_READERS)
  @ApiPurposeHeader()
  @ApiOperation({ summary: 'An online payment: its amount, status and the gateway’s reference' })
  @ApiHeader({
    name: 'X-On-Behalf-Of',
    required: false,
    description: 'counter offices: the national id of the payer they act for',
  })
  @ApiOkResponse({ type: PaymentResponseDto })
  @ApiNotFoundResponse({ description: 'PAYMENT.NOT_FOUND: unknown, or not the caller’s to see' })
  getPayment(
    @Param('paymentId') paymentId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<PaymentResponseDto> {
    return this.queries.execute(new GetPaymentQuery(paymentId, caller));
  }
}
