import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PAYMENT_PURPOSES } from '../../permits/permit.events.js';
import type { PaymentView } from '../payments.read-model.js';
import { RefundResponseDto } from '../refunds/refund.response.dto.js';

/** An online payment of a permit file's fees or fine. */
export class PaymentResponseDto implements PaymentView {
  @ApiProperty() id!: string;
  @ApiProperty() paymentId!: string;
  @ApiProperty() permitId!: string;
  @ApiProperty({ example: 'hamedan' }) municipality!: string;
  @ApiProperty({ enum: PAYMENT_PURPOSES }) purpose!: PaymentView['purpose'];
  @ApiProperty({ description: 'rials' }) amount!: number;
  @ApiProperty({ description: 'the applicant’s national id (کد ملی)' }) payerNationalId!: string;
  @ApiProperty({ enum: ['sandbox', 'zarinpal'] }) gateway!: PaymentView['gateway'];
  @ApiPropertyOptional({ description: 'the gateway’s id for the intent (Zarinpal’s authority)' })
  gatewayReference?: string;
  @ApiProperty({
    enum: ['started', 'failed', 'expired', 'confirmed', 'rejected_by_file'],
    description:
      'expired: neither confirmed nor failed in time; rejected_by_file: the money was taken but the file refused it; a refund is due',
  })
  status!: PaymentView['status'];
  @ApiProperty() startedAt!: string;
  @ApiPropertyOptional({ description: 'the gateway’s reference, once confirmed' }) reference?: string;
  @ApiPropertyOptional() paidAt?: string;
  @ApiPropertyOptional() confirmedAt?: string;
  @ApiPropertyOptional() expiredAt?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) failure?: PaymentView['failure'];
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  rejection?: PaymentView['rejection'];
  @ApiProperty({ type: [RefundResponseDto], description: 'refunds of this payment, oldest first' })
  refunds!: RefundResponseDto[];
  @ApiProperty() updatedAt!: string;
  @ApiProperty() position!: string;
}
