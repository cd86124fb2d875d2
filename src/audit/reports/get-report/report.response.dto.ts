import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  REPORT_NAMES,
  type ReportName,
  type ReportPage,
} from '../../../../projections/audit-reports/report-rows.js';

/** Every report's answer; the rows' shapes are those of src/audit/reports/report-rows.ts. */
export class ReportResponseDto {
  @ApiProperty({ enum: REPORT_NAMES })
  report!: ReportName;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'the filters applied, scope included',
  })
  filters!: Record<string, unknown>;

  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  rows!: object[];

  @ApiPropertyOptional({
    type: 'object',
    properties: {
      pageSize: { type: 'integer' },
      truncated: { type: 'boolean', description: 'more rows match than these' },
      nextCursor: { type: 'string', description: 'pass as `cursor` for the rows after these' },
    },
    description: 'the lists (overrides, after-hours, conflicts, deadlines): how far the rows go',
  })
  page?: ReportPage;
}
