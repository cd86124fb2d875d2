import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, Matches, Min } from 'class-validator';
import { PAYMENT_REFERENCE } from '../../parcels/pay-renewal-dues/pay-renewal-dues.request.dto.js';
import { PAYMENT_PURPOSES, type PaymentPurpose } from '../permit.events.js';

export class RecordPaymentRequestDto {
  @ApiProperty({
    enum: PAYMENT_PURPOSES,
    description: 'the permit’s fees, a commission’s fine, or a renewal’s fee',
  })
  @IsIn(PAYMENT_PURPOSES)
  purpose!: PaymentPurpose;

  @ApiProperty({ example: 123_000_000, description: 'integer rials: exactly what is outstanding' })
  @IsInt()
  @Min(1)
  amount!: number;

  @ApiProperty({ example: 'CASH-1405-000321', pattern: PAYMENT_REFERENCE.source })
  @Matches(PAYMENT_REFERENCE, { message: 'reference must be 1 to 64 visible ASCII characters' })
  reference!: string;
}
