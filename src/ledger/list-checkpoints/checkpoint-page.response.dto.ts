import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export interface CheckpointPage {
  readonly items: readonly { readonly size: number; readonly note: string; readonly madeAt: string }[];
  readonly nextAfter?: number;
}

export class CheckpointItemDto {
  @ApiProperty({ description: 'tree size' }) size!: number;
  @ApiProperty({ description: 'the signed note' }) note!: string;
  @ApiProperty({ format: 'date-time' }) madeAt!: string;
}

export class CheckpointPageResponseDto implements CheckpointPage {
  @ApiProperty({ type: [CheckpointItemDto] }) items!: CheckpointItemDto[];
  @ApiPropertyOptional({ description: 'pass as `after` for the next page; absent on the last' })
  nextAfter?: number;
}
