import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACCESSED_WHATS, type AccessedWhat } from '../audit.events.js';
import { PageOf } from '../../shared/http/pagination.js';

export class AccessReaderDto {
  @ApiProperty({ description: 'the reader’s role: clerk, counter_office, notary_office, …' })
  role!: string;
  @ApiPropertyOptional({ description: 'the official’s name, where DAFTAR_ACCESS_LOG_NAMES=name' })
  name?: string;
  @ApiPropertyOptional({ description: 'the office or organisation they read for (its name)' })
  office?: string;
  @ApiPropertyOptional() municipality?: string;
}

export class AccessLogItemDto {
  @ApiProperty() id!: string;
  @ApiProperty() recordedAt!: string;
  @ApiProperty({ description: 'Jalali day in Tehran, YYYY-MM-DD' }) recordedAtJalali!: string;
  @ApiProperty({ enum: ACCESSED_WHATS }) what!: AccessedWhat;
  @ApiProperty() whatFa!: string;
  @ApiProperty() whatEn!: string;
  @ApiProperty({
    description: 'the record read: permit id, document code, inquiry id, renewal code, tracking number',
  })
  subject!: string;
  @ApiProperty() purpose!: string;
  @ApiProperty({ type: AccessReaderDto }) reader!: AccessReaderDto;
}

export class AccessLogPageDto extends PageOf(AccessLogItemDto) {}
