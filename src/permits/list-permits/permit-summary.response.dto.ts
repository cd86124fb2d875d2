import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PERMIT_FILE_STATUSES, type PermitFileStatus } from '../permit.state.js';
import { APPLICATION_TYPES, type ApplicationType } from '../../rule-sets/rule-set.js';
import type { PermitView } from '../permits.read-model.js';
import { ApiTrackingNumber } from '../../tracking/api-tracking-number.js';

/** A file as a worklist (کارتابل) row shows it; GET /permits/{id} has the rest. */
export class PermitSummaryDto {
  @ApiProperty() permitId!: string;
  @ApiProperty({ example: 'hamedan' }) municipality!: string;
  @ApiProperty({ example: '1' }) region!: string;
  @ApiProperty({ example: '1-1-1-1-0-0-0' }) renewalCode!: string;
  @ApiTrackingNumber() trackingNumber?: string;
  @ApiProperty({ enum: APPLICATION_TYPES }) applicationType!: ApplicationType;
  @ApiProperty({ description: 'masked (********19) for engineers' }) applicantNationalId!: string;
  @ApiProperty({ enum: PERMIT_FILE_STATUSES }) status!: PermitFileStatus;
  @ApiPropertyOptional() clerkId?: string;
  @ApiPropertyOptional() surveyorId?: string;
  @ApiPropertyOptional() engineerId?: string;
  @ApiPropertyOptional({ description: 'rials still owed on the fees' }) feesOutstanding?: number;
  @ApiProperty() openedAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ description: 'when the file entered its current status' }) stateSince!: string;
}

export function toPermitSummary(permit: PermitView): PermitSummaryDto {
  const { permitId, municipality, region, renewalCode, applicationType, applicantNationalId, status } =
    permit;
  const { clerkId, surveyorId, design, fees, openedAt, updatedAt, stateSince, trackingNumber } = permit;
  return {
    permitId,
    municipality,
    region,
    renewalCode,
    ...(trackingNumber ? { trackingNumber } : {}),
    applicationType,
    applicantNationalId,
    status,
    ...(clerkId ? { clerkId } : {}),
    ...(surveyorId ? { surveyorId } : {}),
    ...(design ? { engineerId: design.engineerId } : {}),
    ...(fees ? { feesOutstanding: fees.outstanding } : {}),
    openedAt,
    updatedAt,
    stateSince,
  };
}
