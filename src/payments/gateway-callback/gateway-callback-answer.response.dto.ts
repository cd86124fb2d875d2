import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class GatewayCallbackAnswerDto {
  @ApiProperty() paymentId!: string;
  @ApiProperty({ enum: ['confirmed', 'failed'] }) status!: 'confirmed' | 'failed';
  @ApiPropertyOptional({ description: 'the gateway’s reference', example: 'SBX-5F3A9C21' })
  reference?: string;
}
