import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { RefundMethod } from '../refund.events.js';

const METHODS: readonly RefundMethod[] = ['gateway', 'cash_desk'];

export class PayRefundRequestDto {
  @ApiProperty({ enum: METHODS, description: 'back to the card through the gateway, or in cash at the desk' })
  @IsIn(METHODS)
  method!: RefundMethod;

  @ApiPropertyOptional({ description: 'cash_desk: the receipt number the payer signed for' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  receiptReference?: string;
}
