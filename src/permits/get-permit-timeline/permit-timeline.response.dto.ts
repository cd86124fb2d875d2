import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { TimelineDetail } from '../../../projections/permits/permit-timeline.projection.js';
import { PERMIT_EVENT_TYPES, type PermitEventType } from '../permit.events.js';
import { ApiTrackingNumber } from '../../tracking/api-tracking-number.js';

class TimelineActorDto {
  @ApiProperty() id!: string;
  @ApiProperty({
    description: 'the user’s display name, or the id when it is no user (a system task, a key)',
  })
  displayName!: string;
  @ApiProperty({ example: 'clerk' }) role!: string;
  @ApiPropertyOptional({ description: 'the citizen a counter office acted for (national id)' })
  onBehalfOf?: string;
}

/** One step of the file's history (سوابق پرونده). */
export class PermitTimelineItemDto {
  @ApiProperty({ description: 'the event id' }) id!: string;
  @ApiProperty({ enum: PERMIT_EVENT_TYPES }) type!: PermitEventType;
  @ApiProperty({ example: 'ثبت درخواست' }) titleFa!: string;
  @ApiProperty({ type: TimelineActorDto }) actor!: TimelineActorDto;
  @ApiProperty({ description: 'UTC ISO-8601' }) recordedAt!: string;
  @ApiProperty({ description: 'Jalali day in Tehran', example: '1405-09-04' }) recordedAtJalali!: string;
  @ApiProperty({ description: 'Jalali date and Tehran time in Persian', example: '۴ آذر ۱۴۰۵، ۹:۳۰' })
  recordedAtFa!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Readonly<
    Record<string, TimelineDetail>
  >;
}

export class PermitTimelineResponseDto {
  @ApiProperty() permitId!: string;
  @ApiTrackingNumber() trackingNumber?: string;
  @ApiProperty({ type: [PermitTimelineItemDto], description: 'oldest first' })
  items!: PermitTimelineItemDto[];
  @ApiPropertyOptional({ description: 'pass as `cursor` for the next page; absent on the last page' })
  nextCursor?: string;
}
