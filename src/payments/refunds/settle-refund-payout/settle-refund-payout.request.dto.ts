import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

const OUTCOMES = ['paid', 'failed'] as const;

export class SettleRefundPayoutRequestDto {
  @ApiProperty({
    enum: OUTCOMES,
    description:
      'paid: the gateway’s panel shows the refund; failed: it does not (the refund is approved again)',
  })
  @IsIn(OUTCOMES)
  outcome!: (typeof OUTCOMES)[number];

  @ApiPropertyOptional({ description: 'paid: the gateway’s reference for the refund, from its panel' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  refundReference?: string;
}
