import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { PaymentPurpose } from '../../permits/permit.events.js';

const PURPOSES: readonly PaymentPurpose[] = ['fees', 'fine'];

export class StartOnlinePaymentRequestDto {
  @ApiPropertyOptional({
    enum: PURPOSES,
    default: 'fees',
    description: 'the permit’s fees, or the fine an Article 100 commission ruled',
  })
  @IsOptional()
  @IsIn(PURPOSES)
  purpose?: PaymentPurpose;
}
