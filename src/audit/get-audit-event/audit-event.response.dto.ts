import { ApiProperty } from '@nestjs/swagger';
import { AuditEventRowDto } from '../audit-log/audit-event-row.response.dto.js';

/** An event as recorded, secrets replaced by `[redacted]`, with its audit row. */
export class AuditEventDto {
  @ApiProperty({ type: AuditEventRowDto }) entry!: AuditEventRowDto;
  @ApiProperty() stream!: string;
  @ApiProperty() revision!: number;
  @ApiProperty() position!: string;
  @ApiProperty({ type: Object }) data!: unknown;
  @ApiProperty({ type: Object }) metadata!: object;
  @ApiProperty({ description: 'every subject the event is about', type: [String] }) subjects!: string[];
}
