import { ApiProperty } from '@nestjs/swagger';
import type { FeeEstimate } from '../../fees/calculate-fees.js';

/** What an application on a parcel would cost (عوارض), line by line, in integer rials. */
export class FeeEstimateResponseDto implements FeeEstimate {
  @ApiProperty({ example: '1-1-1-1-0-0-0' }) renewalCode!: string;
  @ApiProperty({ example: 'hamedan' }) municipality!: string;
  @ApiProperty() ruleSetVersion!: number;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'code, titleFa, formula, base, unit, coefficient, rate, amount',
  })
  lines!: FeeEstimate['lines'];
  @ApiProperty({ description: 'rials, the sum of the lines' }) total!: number;
}
