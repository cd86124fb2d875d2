import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class HealthResponseDto {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
}

class SubscriberFailureDto {
  @ApiProperty() position!: string;
  @ApiProperty() eventId!: string;
  @ApiProperty() eventType!: string;
  @ApiProperty() message!: string;
}

export class SubscriberStatusDto {
  @ApiProperty({ example: 'projection:permits' }) name!: string;
  @ApiProperty({ enum: ['starting', 'catching_up', 'live', 'failed', 'stopped'] }) state!: string;
  @ApiPropertyOptional({ description: 'the last position it has fully handled' }) position?: string;
  @ApiPropertyOptional({ type: SubscriberFailureDto, description: 'the event that stopped it' })
  failure?: SubscriberFailureDto;
  @ApiPropertyOptional({ description: 'events a reaction has parked and goes on without' }) parked?: number;
}

export class ReadinessResponseDto {
  @ApiProperty({ enum: ['ready'] }) status!: 'ready';
  @ApiProperty({ type: [SubscriberStatusDto] }) subscribers!: SubscriberStatusDto[];
}
