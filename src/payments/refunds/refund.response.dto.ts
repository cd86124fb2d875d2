import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { RefundAnswer } from './refund-access.js';

/** A refund (استرداد وجه) of a gateway payment. */
export class RefundResponseDto implements RefundAnswer {
  @ApiProperty() id!: string;
  @ApiProperty() refundId!: string;
  @ApiProperty() paymentId!: string;
  @ApiProperty() permitId!: string;
  @ApiProperty({ example: 'hamedan' }) municipality!: string;
  @ApiProperty({ description: 'rials' }) amount!: number;
  @ApiProperty() reason!: string;
  @ApiProperty({ description: 'who is owed the money (کد ملی)' }) payerNationalId!: string;
  @ApiPropertyOptional({
    description: 'staff only: a clerk’s user id, or system:refunds for a payment the file refused',
  })
  requestedBy?: string;
  @ApiProperty({
    enum: ['requested', 'approved', 'declined', 'paying', 'paid'],
    description: 'paying: the gateway was asked to pay it out and its answer is not recorded yet',
  })
  status!: RefundAnswer['status'];
  @ApiProperty() requestedAt!: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'at; by (staff only)' })
  approval?: RefundAnswer['approval'];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'reason, at; by (staff only)',
  })
  decline?: RefundAnswer['decline'];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'method, refundReference, paidAt',
  })
  payout?: RefundAnswer['payout'];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'the latest payout through the gateway: method, at, failure (code, at); by (staff only)',
  })
  payoutAttempt?: RefundAnswer['payoutAttempt'];
  @ApiProperty() updatedAt!: string;
  @ApiProperty() position!: string;
}
