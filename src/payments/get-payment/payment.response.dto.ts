import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { PaymentView } from '../payments.read-model.js';

/** An online payment of a permit file's fees or fine. */
export class PaymentResponseDto implements PaymentView {
  @ApiProperty() id!: string;
  @ApiProperty() paymentId!: string;
  @ApiProperty() permitId!: string;
  @ApiProperty({ example: 'hamedan' }) municipality!: string;
  @ApiProperty({ enum: ['fees', 'fine'] }) purpose!: PaymentView['purpose'];
  @ApiProperty({ description: 'rials' }) amount!: number;
  @ApiProperty({ description: 'the applicant’s national id (کد ملی)' }) payerNationalId!: string;
  @ApiProperty({ enum: ['sandbox'] }) gateway!: PaymentView['gateway'];
  @ApiProperty({
    enum: ['started', 'failed', 'confirmed', 'rejected_by_file'],
    description: 'rejected_by_file: the money was taken but the file refused it; a refund is due',
  })
  status!: PaymentView['status'];
  @ApiProperty() startedAt!: string;
  @ApiPropertyOptional({ description: 'the gateway’s reference, once confirmed' }) reference?: string;
  @ApiPropertyOptional() paidAt?: string;
  @ApiPropertyOptional() confirmedAt?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) failure?: PaymentView['failure'];
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  rejection?: PaymentView['rejection'];
  @ApiProperty() updatedAt!: string;
  @ApiProperty() position!: string;
}
