import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INSPECTION_STAGES, type InspectionStage } from '../../rule-sets/rule-set.js';
import type { PermitView } from '../permits.read-model.js';

/** A stage of construction waiting for its inspection, with its deadline. */
export class InspectionDueDto {
  @ApiProperty()
  permitId!: string;

  @ApiPropertyOptional({ description: 'the file number people read (کد رهگیری)' })
  trackingNumber?: string;

  @ApiProperty()
  municipality!: string;

  @ApiProperty()
  region!: string;

  @ApiProperty({ description: 'the parcel’s renewal code (کد نوسازی), where to go' })
  renewalCode!: string;

  @ApiProperty()
  status!: string;

  @ApiProperty({ enum: INSPECTION_STAGES })
  stage!: InspectionStage;

  @ApiPropertyOptional({ description: 'absent while no inspector is assigned' })
  inspectorId?: string;

  @ApiPropertyOptional({ description: 'UTC ISO-8601' })
  dueBy?: string;

  @ApiProperty({ description: 'the deadline has passed' })
  overdue!: boolean;
}

export function toInspectionDue(permit: PermitView, now: string): InspectionDueDto {
  const { permitId, trackingNumber, municipality, region, renewalCode, status, inspectorId } = permit;
  const dueBy = permit.inspectionDueBy;
  return {
    permitId,
    ...(trackingNumber === undefined ? {} : { trackingNumber }),
    municipality,
    region,
    renewalCode,
    status,
    stage: permit.inspectionStage!,
    ...(inspectorId === undefined ? {} : { inspectorId }),
    ...(dueBy === undefined ? {} : { dueBy }),
    overdue: dueBy !== undefined && Date.parse(dueBy) < Date.parse(now),
  };
}
