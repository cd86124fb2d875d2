import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PERMIT_FILE_STATUSES, type PermitFileStatus } from '../permit.state.js';
import { PaginationQueryDto } from '../../shared/http/pagination.js';
import { APPLICATION_TYPES, type ApplicationType } from '../../rule-sets/rule-set.js';

export class ListPermitsQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({
    type: String,
    description: `comma-separated statuses, instead of the role’s own worklist: ${PERMIT_FILE_STATUSES.join(', ')}`,
    example: 'submitted,under_review',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((s) => s.trim()) : value))
  @ArrayMaxSize(PERMIT_FILE_STATUSES.length)
  @IsIn(PERMIT_FILE_STATUSES, { each: true })
  status?: PermitFileStatus[];

  @ApiPropertyOptional({ enum: APPLICATION_TYPES })
  @IsOptional()
  @IsIn(APPLICATION_TYPES)
  applicationType?: ApplicationType;

  @ApiPropertyOptional({ description: 'the parcel’s renewal code (کد نوسازی)', example: '1-1-1-1-0-0-0' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  renewalCode?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'only files in their status longer than the rule set’s sla allows',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';
}
