import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { jalaliDate, persianDateTimeText } from '../../shared/jalali.js';
import type { CsvColumn } from '../../shared/http/csv-reply.js';
import { EVENT_TITLES } from '../event-titles.js';
import type { AuditRow } from './audit-log.read-model.js';

export class AuditActorDto {
  @ApiProperty() id!: string;
  @ApiPropertyOptional({ description: 'display name of the user, label of the API key' }) name?: string;
  @ApiProperty() role!: string;
  @ApiPropertyOptional({ description: 'the organisation acted for' }) office?: string;
  @ApiPropertyOptional({ description: 'the citizen a counter office acted for' }) onBehalfOf?: string;
  @ApiPropertyOptional({ description: 'the citizen’s consent it acted under' }) consent?: string;
}

export class EventTitleDto {
  @ApiProperty() en!: string;
  @ApiProperty() fa!: string;
}

/** One event as the audit log shows it. */
export class AuditEventRowDto {
  @ApiProperty({ description: 'the event id' }) id!: string;
  @ApiProperty({ description: 'UTC ISO-8601' }) time!: string;
  @ApiProperty({ description: 'the Jalali day in Tehran', example: '1405-09-12' }) timeJalali!: string;
  @ApiProperty({ description: 'Jalali date and Tehran time in Persian' }) timeTehran!: string;
  @ApiProperty({ type: AuditActorDto }) actor!: AuditActorDto;
  @ApiProperty({ type: EventTitleDto }) what!: EventTitleDto;
  @ApiProperty() type!: string;
  @ApiProperty() category!: string;
  @ApiPropertyOptional({ description: 'the main subject', example: 'permit:…' }) subject?: string;
  @ApiPropertyOptional() municipality?: string;
  @ApiPropertyOptional() region?: string;
  @ApiProperty({ example: '/audit/events/…' }) link!: string;
}

export class AuditEventPageDto {
  @ApiProperty({ type: [AuditEventRowDto] }) items!: AuditEventRowDto[];
  @ApiPropertyOptional({ description: 'pass as `cursor` for the next page; absent on the last page' })
  nextCursor?: string;
}

export function toAuditEventRow(
  row: AuditRow,
  nameOf: (actorId: string) => string | undefined,
): AuditEventRowDto {
  const name = nameOf(row.actorId);
  return {
    id: row.eventId,
    time: row.recordedAt,
    timeJalali: jalaliDate(row.recordedAt),
    timeTehran: persianDateTimeText(row.recordedAt),
    actor: {
      id: row.actorId,
      ...(name !== undefined ? { name } : {}),
      role: row.actorRole,
      ...(row.office ? { office: row.office } : {}),
      ...(row.onBehalfOf ? { onBehalfOf: row.onBehalfOf } : {}),
      ...(row.consent ? { consent: row.consent } : {}),
    },
    what: EVENT_TITLES[row.type] ?? row.type,
    type: row.type,
    category: row.category,
    ...(row.subject ? { subject: row.subject } : {}),
    ...(row.municipality ? { municipality: row.municipality } : {}),
    ...(row.region ? { region: row.region } : {}),
    link: `/audit/events/${row.eventId}`,
  };
}

/** The columns of an audit CSV: both calendars, both languages. */
export const AUDIT_EVENT_COLUMNS: readonly CsvColumn<AuditEventRowDto>[] = [
  { header: 'time', cell: (r) => r.time },
  { header: 'time_jalali', cell: (r) => r.timeJalali },
  { header: 'time_tehran', cell: (r) => r.timeTehran },
  { header: 'actor_id', cell: (r) => r.actor.id },
  { header: 'actor_name', cell: (r) => r.actor.name },
  { header: 'role', cell: (r) => r.actor.role },
  { header: 'office', cell: (r) => r.actor.office },
  { header: 'on_behalf_of', cell: (r) => r.actor.onBehalfOf },
  { header: 'consent', cell: (r) => r.actor.consent },
  { header: 'what_fa', cell: (r) => r.what.fa },
  { header: 'what_en', cell: (r) => r.what.en },
  { header: 'type', cell: (r) => r.type },
  { header: 'subject', cell: (r) => r.subject },
  { header: 'municipality', cell: (r) => r.municipality },
  { header: 'region', cell: (r) => r.region },
  { header: 'link', cell: (r) => r.link },
];
