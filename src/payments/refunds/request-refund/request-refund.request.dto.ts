import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsPositive, IsString, MaxLength } from 'class-validator';

export class RequestRefundRequestDto {
  @ApiProperty({ description: 'the gateway payment to refund' })
  @IsString()
  @MaxLength(64)
  paymentId!: string;

  @ApiPropertyOptional({ description: 'rials; absent, everything of the payment not yet refunded' })
  @IsOptional()
  @IsInt()
  @IsPositive()
  amount?: number;

  @ApiProperty({ description: 'why the money goes back, e.g. the file was withdrawn after the payment' })
  @IsString()
  @MaxLength(500)
  reason!: string;
}
