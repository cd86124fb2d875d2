import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PAYMENT_PURPOSES, type PaymentPurpose } from '../../permits/permit.events.js';

export class StartOnlinePaymentRequestDto {
  @ApiPropertyOptional({
    enum: PAYMENT_PURPOSES,
    default: 'fees',
    description: 'the permit’s fees, the fine an Article 100 commission ruled, or a renewal’s fee',
  })
  @IsOptional()
  @IsIn(PAYMENT_PURPOSES)
  purpose?: PaymentPurpose;
}
