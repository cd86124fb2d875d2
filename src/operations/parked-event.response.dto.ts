import { ApiProperty } from '@nestjs/swagger';

export class ParkedEventResponseDto {
  @ApiProperty({ example: 'reaction:permit-documents' }) subscriber!: string;
  @ApiProperty() eventId!: string;
  @ApiProperty({ example: 'PermitIssued' }) eventType!: string;
  @ApiProperty({ example: 'permit-0197…' }) stream!: string;
  @ApiProperty({ description: 'The event’s revision in its stream' }) revision!: string;
  @ApiProperty() position!: string;
  @ApiProperty({
    enum: ['failed', 'held'],
    description:
      'failed: the reaction kept failing on it; held: it waits behind a parked event of its stream',
  })
  reason!: string;
  @ApiProperty() message!: string;
  @ApiProperty() parkedAt!: string;
}
