import { ApiProperty } from '@nestjs/swagger';
import { RefundResponseDto } from '../refund.response.dto.js';

export class RefundListResponseDto {
  @ApiProperty({ type: [RefundResponseDto], description: 'oldest first' }) items!: RefundResponseDto[];
}
