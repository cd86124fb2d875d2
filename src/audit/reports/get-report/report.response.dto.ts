import { ApiProperty } from '@nestjs/swagger';
import { REPORT_NAMES, type ReportName } from '../../../../projections/audit-reports/report-rows.js';

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
}
