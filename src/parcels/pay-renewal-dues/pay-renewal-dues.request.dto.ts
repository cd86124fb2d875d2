import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Matches } from 'class-validator';
import { ParcelCommandRequestDto } from '../parcel-command.request.dto.js';

/** A payment reference: a receipt or transaction number, 1 to 64 visible ASCII characters. */
export const PAYMENT_REFERENCE = /^[\x21-\x7e]{1,64}$/;

export class PayRenewalDuesRequestDto extends ParcelCommandRequestDto {
  @ApiProperty({ description: 'rials, at most what is outstanding for the year', example: 600_000 })
  @IsInt()
  amount!: number;

  @ApiProperty({
    description: 'receipt number; the same reference again is the same payment',
    example: 'CASH-1405-000123',
    pattern: PAYMENT_REFERENCE.source,
  })
  @Matches(PAYMENT_REFERENCE, { message: 'reference must be 1 to 64 visible ASCII characters' })
  reference!: string;
}
