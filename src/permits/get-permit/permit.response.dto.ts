import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  PermitDocumentCodes,
  PermitFees,
  PermitView,
} from '../../../projections/permits/permits.projection.js';
import { PERMIT_FILE_STATUSES, type PermitFileStatus } from '../permit.state.js';
import { APPLICATION_TYPES, INSPECTION_STAGES, type ApplicationType } from '../../rule-sets/rule-set.js';
import { ApiTrackingNumber } from '../../tracking/api-tracking-number.js';

class PermitDocumentCodesDto implements PermitDocumentCodes {
  @ApiPropertyOptional({ description: 'the map order’s (دستور نقشه) document code' }) mapOrder?: string;
  @ApiPropertyOptional({ description: 'the building permit’s (پروانه ساختمانی) document code' })
  permit?: string;
  @ApiPropertyOptional({ description: 'the completion certificate’s (پایان‌کار) document code' })
  completionCertificate?: string;
}

class PermitFeesDto implements PermitFees {
  @ApiProperty() ruleSetVersion!: number;
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'after any override' })
  lines!: PermitFees['lines'];
  @ApiProperty({ description: 'rials, after any override' }) total!: number;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) overrides!: PermitFees['overrides'];
  @ApiProperty({ description: 'rials paid towards the fees' }) paid!: number;
  @ApiProperty({ description: 'rials still owed' }) outstanding!: number;
  @ApiProperty() assessedAt!: string;
}

/** A building-permit file (پرونده پروانه ساختمانی) as the read model holds it. */
export class PermitResponseDto implements PermitView {
  @ApiProperty() id!: string;
  @ApiProperty() permitId!: string;
  @ApiProperty({ example: 'hamedan' }) municipality!: string;
  @ApiProperty({ description: 'the municipal region (منطقه)', example: '1' }) region!: string;
  @ApiProperty({ example: '1-1-1-1-0-0-0' }) renewalCode!: string;
  @ApiProperty({ enum: APPLICATION_TYPES }) applicationType!: ApplicationType;
  @ApiProperty({ description: 'the applicant’s national id (کد ملی)' }) applicantNationalId!: string;
  @ApiPropertyOptional() renewsPermitId?: string;
  @ApiTrackingNumber() trackingNumber?: string;
  @ApiProperty({ enum: PERMIT_FILE_STATUSES }) status!: PermitFileStatus;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) attachments!: PermitView['attachments'];
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'returns to the applicant, oldest first',
  })
  returns!: PermitView['returns'];
  @ApiPropertyOptional() clerkId?: string;
  @ApiPropertyOptional() surveyorId?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) survey?: PermitView['survey'];
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) mapOrder?: PermitView['mapOrder'];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'the engineering office (and engineer) the applicant nominated: they alone submit the design',
  })
  nominee?: PermitView['nominee'];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'the last design submitted',
  })
  design?: PermitView['design'];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) designReturns!: PermitView['designReturns'];
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  designOverride?: PermitView['designOverride'];
  @ApiPropertyOptional({ type: PermitFeesDto }) fees?: PermitFees;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) payments!: PermitView['payments'];
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) permit?: PermitView['permit'];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'the permit document revoked (ابطال) or replaced by one no longer valid: code, reason, revokedAt, ' +
      'supersededBy; completion waits until a new permit is issued',
  })
  revocation?: PermitView['revocation'];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'the latest renewal (تمدید پروانه): its fee lines, total, paid and outstanding in rials, ' +
      'requestedAt, and once renewed renewedAt and the validity it renews; droppedAt when the request ' +
      'ended unrenewed (withdrawn, run out with the permit, or dropped by a new permit)',
  })
  renewal?: PermitView['renewal'];
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description:
      'the stages inspected during construction (foundation, frame, roof, completion) as the permit named ' +
      'them: each with its inspector, dueBy, the supervising engineer’s reports and the inspection found',
  })
  inspectionStages?: PermitView['inspectionStages'];
  @ApiPropertyOptional({ enum: INSPECTION_STAGES, description: 'the stage under way, while one is' })
  inspectionStage?: PermitView['inspectionStage'];
  @ApiPropertyOptional({ description: 'the inspector the stage under way is assigned to' })
  inspectorId?: string;
  @ApiPropertyOptional({ description: 'when the stage under way is due, UTC ISO-8601' })
  inspectionDueBy?: string;
  @ApiPropertyOptional() completionRequestedAt?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  inspection?: PermitView['inspection'];
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  commission?: PermitView['commission'];
  @ApiPropertyOptional() completedAt?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'withdrawn or rejected' })
  closed?: PermitView['closed'];
  @ApiProperty({ type: PermitDocumentCodesDto }) documents!: PermitDocumentCodes;
  @ApiProperty() openedAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ description: 'when the file entered its current status' }) stateSince!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'milliseconds spent in each status left so far',
  })
  timeInStates!: PermitView['timeInStates'];
  @ApiProperty({ description: 'global position of the last change' }) position!: string;
  @ApiProperty({ description: 'revision of the file, for If-Match' }) revision!: number;
}
