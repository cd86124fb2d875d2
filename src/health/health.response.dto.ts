import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class HealthResponseDto {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
}

class EventFailureDto {
  @ApiProperty() position!: string;
  @ApiProperty() eventId!: string;
  @ApiProperty() eventType!: string;
  @ApiProperty() message!: string;
}

class SubscriberFailureDto {
  @ApiPropertyOptional({ description: 'the poison event’s position, or where it would have started' })
  position?: string;
  @ApiPropertyOptional({ description: 'the event that stopped it' }) eventId?: string;
  @ApiPropertyOptional() eventType?: string;
  @ApiPropertyOptional({
    enum: ['access_denied', 'beyond_head', 'invalid_request'],
    description:
      'the store refused the subscription itself: its user may not read the whole log, or the log ends before the checkpoint (the store was reset under kept read models)',
  })
  reason?: string;
  @ApiProperty() message!: string;
}

class SubscriberRetryDto extends EventFailureDto {
  @ApiProperty({ description: 'how many times in a row; the wait grows from 0.25 s to 10 s' })
  attempt!: number;
}

export class SubscriberStatusDto {
  @ApiProperty({ example: 'projection:permits' }) name!: string;
  @ApiProperty({ enum: ['starting', 'catching_up', 'live', 'retrying', 'failed', 'stopped'] }) state!: string;
  @ApiPropertyOptional({ description: 'the last position it has fully handled' }) position?: string;
  @ApiPropertyOptional({
    type: SubscriberFailureDto,
    description: 'the event that stopped it, or the store’s refusal of the subscription; it does not retry',
  })
  failure?: SubscriberFailureDto;
  @ApiPropertyOptional({
    type: SubscriberRetryDto,
    description:
      'the event it could not write for a reason not its own (a full disk); it resubscribes by itself',
  })
  retry?: SubscriberRetryDto;
  @ApiPropertyOptional({ description: 'events a reaction has parked and goes on without' }) parked?: number;
}

export class ReadinessResponseDto {
  @ApiProperty({ enum: ['ready'] }) status!: 'ready';
  @ApiProperty({ type: [SubscriberStatusDto] }) subscribers!: SubscriberStatusDto[];
}
