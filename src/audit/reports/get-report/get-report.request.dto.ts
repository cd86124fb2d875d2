import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  TURNAROUND_GROUPS,
  TURNAROUND_SERIES,
  type TurnaroundGroup,
  type TurnaroundSeries,
} from '../../../../projections/audit-reports/turnaround.js';

/** The filters every report takes; `by` and `series` only shape `turnaround`. */
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
}
