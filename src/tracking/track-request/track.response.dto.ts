import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { NextStep } from '../next-step.js';

export const TRACKED_KINDS = ['permit', 'inquiry'] as const;
export type TrackedKind = (typeof TRACKED_KINDS)[number];

class NextStepDto implements NextStep {
  @ApiProperty({ example: 'مدارک لازم را پیوست و درخواست را ثبت کنید.' }) fa!: string;
  @ApiProperty({ example: 'Attach the required documents and submit the application.' }) en!: string;
}

/**
 * A file found by its tracking number (کد رهگیری). Its owner sees which file it is and what comes next;
 * anyone else, who proved the owner's mobile, the status alone: no ids, names or amounts.
 */
export class TrackResponseDto {
  @ApiProperty({ example: '8923697879' }) trackingNumber!: string;
  @ApiProperty({ enum: TRACKED_KINDS }) kind!: TrackedKind;
  @ApiProperty({ description: 'the permit file’s or the inquiry’s status', example: 'submitted' })
  status!: string;
  @ApiProperty({ description: 'UTC ISO-8601: when the file entered this status' }) statusSince!: string;
  @ApiPropertyOptional({ description: 'owner only: the permit id or inquiry id' }) id?: string;
  @ApiPropertyOptional({ description: 'owner only', example: 'hamedan' }) municipality?: string;
  @ApiPropertyOptional({ type: NextStepDto, description: 'owner only: what to do or wait for next' })
  nextStep?: NextStep;
}
