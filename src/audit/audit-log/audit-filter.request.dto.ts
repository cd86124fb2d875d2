import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DAFTAR_EVENT_TYPES, type DaftarEventType } from '../../../projections/daftar-events.js';
import { ROLES, type Role } from '../../identity/roles.js';

const text = (description: string, example?: string) =>
  ApiPropertyOptional({ type: String, description, ...(example ? { example } : {}) });

/** The filters of every audit search: who, where, what, about whom, and when. */
export class AuditFilterQueryDto {
  @text('the acting user or API key id', 'user-…')
  @IsOptional()
  @IsString()
  @MaxLength(128)
  actor?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @text('the organisation (office) the actor acted for', 'notary-12-hamedan')
  @IsOptional()
  @IsString()
  @MaxLength(64)
  organisation?: string;

  @text('one of the caller’s municipalities (else all of them)', 'hamedan')
  @IsOptional()
  @IsString()
  @MaxLength(32)
  municipality?: string;

  @text('a municipal region (منطقه)', '1')
  @IsOptional()
  @IsString()
  @MaxLength(32)
  region?: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'event types, repeated or comma-separated',
    example: 'PermitTaken,PermitReturned',
  })
  @IsOptional()
  @Transform(({ value }) =>
    (Array.isArray(value) ? value : [value]).flatMap((v: unknown) =>
      typeof v === 'string' ? v.split(',').map((s) => s.trim()) : [v],
    ),
  )
  @ArrayMaxSize(20)
  @IsIn(DAFTAR_EVENT_TYPES, { each: true })
  type?: DaftarEventType[];

  @text('the stream category', 'permit')
  @IsOptional()
  @IsString()
  @MaxLength(32)
  category?: string;

  @text('subject: a parcel’s renewal code (کد نوسازی)', '1-1-1-1-0-0-0')
  @IsOptional()
  @IsString()
  @MaxLength(64)
  renewalCode?: string;

  @text('subject: a permit file')
  @IsOptional()
  @IsString()
  @MaxLength(64)
  permitId?: string;

  @text('subject: an inquiry (استعلام)')
  @IsOptional()
  @IsString()
  @MaxLength(64)
  inquiryId?: string;

  @text('subject: a document’s code')
  @IsOptional()
  @IsString()
  @MaxLength(64)
  documentCode?: string;

  @text('subject: a citizen’s national id (کد ملی); Persian digits are read too')
  @IsOptional()
  @IsString()
  @MaxLength(32)
  nationalId?: string;

  @text('from this instant or Tehran day: ISO (2026-12-03) or Jalali (1405-09-12)', '1405-09-12')
  @IsOptional()
  @IsString()
  @MaxLength(40)
  from?: string;

  @text('up to this instant, or through this Tehran day (ISO or Jalali)', '1405-09-12')
  @IsOptional()
  @IsString()
  @MaxLength(40)
  to?: string;
}

export const MAX_AUDIT_PAGE = 200;

/** A page of audit entries: by `cursor`, up to 200 at a time. */
export class AuditSearchQueryDto extends AuditFilterQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_AUDIT_PAGE, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_AUDIT_PAGE)
  pageSize: number = 50;

  @ApiPropertyOptional({ description: 'the `nextCursor` of the page before' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  cursor?: string;
}
