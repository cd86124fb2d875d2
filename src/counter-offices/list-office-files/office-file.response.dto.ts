import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { maskNationalId } from '../../shared/masking.js';
import { ApiTrackingNumber } from '../../tracking/api-tracking-number.js';
import type { CounterOfficeFileView } from '../counter-office-files.read-model.js';
import { OFFICE_FILE_KINDS } from './list-office-files.request.dto.js';

/** A row of a counter office's worklist; GET /permits/{id} or /inquiries/{id}, acting for the citizen, has the rest. */
export class OfficeFileDto {
  @ApiProperty({ enum: OFFICE_FILE_KINDS }) kind!: string;
  @ApiProperty({ description: 'the permit id or the inquiry id' }) id!: string;
  @ApiTrackingNumber() trackingNumber?: string;
  @ApiProperty({ description: 'the permit file’s or the inquiry’s status, as it stands now' })
  status!: string;
  @ApiProperty({ example: 'hamedan' }) municipality!: string;
  @ApiProperty({ description: 'the citizen acted for, masked: the office reads more only under a consent' })
  citizenNationalId!: string;
  @ApiPropertyOptional({ description: 'the consent the office acted under last' }) consent?: string;
  @ApiProperty() firstActedAt!: string;
  @ApiProperty({ description: 'the list is ordered by it, the newest first' }) lastActedAt!: string;
  @ApiProperty({ example: 'PermitSubmitted' }) lastEventType!: string;
}

/** What the record says of itself now. */
export interface OfficeFileRecord {
  readonly status: string;
  readonly municipality: string;
  readonly trackingNumber?: string;
}

export function toOfficeFile(row: CounterOfficeFileView, record: OfficeFileRecord): OfficeFileDto {
  const { kind, recordId, citizenNationalId, consent, firstActedAt, lastActedAt, lastEventType } = row;
  const { status, municipality, trackingNumber } = record;
  return {
    kind,
    id: recordId,
    ...(trackingNumber ? { trackingNumber } : {}),
    status,
    municipality,
    citizenNationalId: maskNationalId(citizenNationalId),
    ...(consent ? { consent } : {}),
    firstActedAt,
    lastActedAt,
    lastEventType,
  };
}
