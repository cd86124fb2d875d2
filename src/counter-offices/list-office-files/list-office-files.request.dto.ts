import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { CounterOfficeFileKind } from '../../../projections/counter-offices/counter-office-files.projection.js';
import { PaginationQueryDto } from '../../shared/http/pagination.js';

export const OFFICE_FILE_KINDS: readonly CounterOfficeFileKind[] = ['permit', 'inquiry'];

export class ListOfficeFilesQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ enum: OFFICE_FILE_KINDS, description: 'only permit files, or only inquiries' })
  @IsOptional()
  @IsIn(OFFICE_FILE_KINDS)
  kind?: CounterOfficeFileKind;
}
