import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min, MaxLength } from 'class-validator';
import {
  TURNAROUND_GROUPS,
  TURNAROUND_SERIES,
  type TurnaroundGroup,
  type TurnaroundSeries,
} from '../../../../projections/audit-reports/turnaround.js';

/** The most rows a page of a list report (overrides, after-hours, conflicts) carries. */
export const MAX_REPORT_PAGE = 1_000;

/** The filters every report takes; `by` and `series` only shape `turnaround`, `pageSize` and `cursor` the lists. */
export class GetReportQueryDto {
  @ApiPropertyOptional({
    description: 'one municipality of the caller’s oversight grants',
    example: 'hamedan',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  municipality?: string;

  @ApiPropertyOptional({ description: 'one municipal region (منطقه)', example: '1' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  region?: string;

  @ApiPropertyOptional({ description: 'from this instant or Tehran day (ISO or Jalali: 1405-09-01)' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  from?: string;

  @ApiPropertyOptional({ description: 'to this instant or through this Tehran day (ISO or Jalali)' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  to?: string;

  @ApiPropertyOptional({ enum: TURNAROUND_GROUPS, description: 'turnaround: the group of each row' })
  @IsOptional()
  @IsIn(TURNAROUND_GROUPS)
  by?: TurnaroundGroup;

  @ApiPropertyOptional({ enum: TURNAROUND_SERIES, description: 'turnaround: per Jalali month or ISO week' })
  @IsOptional()
  @IsIn(TURNAROUND_SERIES)
  series?: TurnaroundSeries;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_REPORT_PAGE,
    default: 200,
    description: 'overrides, after-hours, conflicts: rows a page, newest first',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_REPORT_PAGE)
  pageSize: number = 200;

  @ApiPropertyOptional({ description: 'the `page.nextCursor` of the page before: the rows after it' })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  cursor?: string;
}
