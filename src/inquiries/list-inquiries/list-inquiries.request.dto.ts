import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { INQUIRY_STATUSES, type InquiryStatus } from '../../../projections/inquiries/inquiries.projection.js';
import { INQUIRY_KINDS, type InquiryKind } from '../../rule-sets/rule-set.js';
import { PaginationQueryDto } from '../../shared/http/pagination.js';

export class ListInquiriesQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({
    enum: INQUIRY_STATUSES,
    description: 'instead of the default: clerks see awaiting_clerk, others every status',
  })
  @IsOptional()
  @IsIn(INQUIRY_STATUSES)
  status?: InquiryStatus;

  @ApiPropertyOptional({ enum: INQUIRY_KINDS })
  @IsOptional()
  @IsIn(INQUIRY_KINDS)
  kind?: InquiryKind;

  @ApiPropertyOptional({ description: 'the parcel’s renewal code (کد نوسازی)', example: '1-1-1-1-0-0-0' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  renewalCode?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'only inquiries not answered by their deadline (true), or only the others (false)',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';
}
