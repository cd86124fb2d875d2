import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CloudEventJson } from '../cloud-event.js';

/** One CloudEvents 1.0 event of the feed, structured mode. */
export class CloudEventResponseDto implements CloudEventJson {
  @ApiProperty({ enum: ['1.0'] }) specversion!: '1.0';
  @ApiProperty({ description: 'the event id (UUIDv7)' }) id!: string;
  @ApiProperty({ example: '/daftar/hamedan/permit', description: '`-` for the municipality of none' })
  source!: string;
  @ApiProperty({ example: 'ir.daftar.permit.PermitIssued.v1' }) type!: string;
  @ApiProperty({ format: 'date-time' }) time!: string;
  @ApiProperty({ description: 'the stream', example: 'permit-0190…' }) subject!: string;
  @ApiProperty({ enum: ['application/json'] }) datacontenttype!: 'application/json';
  @ApiProperty({ example: 'https://daftar.example.ir/feed/schemas/PermitIssued' }) dataschema!: string;
  @ApiProperty({ type: Object, description: 'the event data after the data policy' }) data!: unknown;
  @ApiProperty({ description: 'the cursor just after this event' }) daftarposition!: string;
  @ApiPropertyOptional({ description: 'its leaf in the ledger, once there' }) daftarleafindex?: number;
  @ApiProperty({ example: 'clerk', description: 'the role its actor acted in' }) daftaractorrole!: string;
}
