import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class WebhookDeliveryResponseDto {
  @ApiProperty({ format: 'date-time' }) attemptedAt!: string;
  @ApiProperty({ description: 'the CloudEvent id' }) eventId!: string;
  @ApiProperty({ description: 'the `webhook-id` sent, the same on every attempt' }) messageId!: string;
  @ApiPropertyOptional() statusCode?: number;
  @ApiPropertyOptional({ example: 'connect ECONNREFUSED' }) error?: string;
  @ApiProperty() durationMs!: number;
  @ApiPropertyOptional({ format: 'date-time' }) nextRetryAt?: string;
}

export class WebhookDeliveryPageResponseDto {
  @ApiProperty({ type: [WebhookDeliveryResponseDto] }) items!: WebhookDeliveryResponseDto[];
  @ApiPropertyOptional({ description: 'pass as `before` for older attempts' }) next?: number;
}
