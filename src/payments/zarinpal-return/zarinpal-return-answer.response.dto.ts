import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * What a return from Zarinpal found: `confirmed` (money taken), `rejected_by_file` (taken, but the file
 * refused it: a refund is requested), `not_paid_yet` (Zarinpal has no payment yet: come back later),
 * `cancelled` (the payer cancelled at Zarinpal) or `expired` (the intent's time ran out unpaid).
 */
export const RETURN_STATUSES = [
  'confirmed',
  'rejected_by_file',
  'not_paid_yet',
  'cancelled',
  'expired',
] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

export class ZarinpalReturnAnswerDto {
  @ApiProperty({ enum: RETURN_STATUSES }) status!: ReturnStatus;
  @ApiPropertyOptional({ description: 'only on the return that confirmed the payment' })
  paymentId?: string;
  @ApiPropertyOptional({
    description: 'Zarinpal’s ref_id; only on the return that confirmed it',
    example: '201',
  })
  reference?: string;
}
