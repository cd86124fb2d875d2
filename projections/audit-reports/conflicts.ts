import type { RecordedEvent } from '../../src/event-store/event-envelope.js';
import type { DaftarEvent } from '../daftar-events.js';
import { actionOnRecord, regionOf, type StaffAction, type TrackedFile } from './report-facts.js';
import type { ParcelOf } from './people.js';
import type { ConflictRow } from './report-rows.js';

/** Who a staff action's subject belongs to: a permit file or inquiry and its parcel, or a parcel. */
export interface Parties {
  /** The permit or inquiry id, or the parcel's renewal code. */
  readonly subject: string;
  readonly parcel: ParcelOf;
  readonly region: string;
  readonly applicantNationalId?: string;
}

export function partiesOf(
  event: RecordedEvent<DaftarEvent>,
  file: TrackedFile | undefined,
): Parties | undefined {
  if (file) {
    const { id, municipality, renewalCode, region, applicantNationalId } = file;
    return {
      subject: id,
      parcel: { municipality, renewalCode },
      region,
      ...(applicantNationalId === undefined ? {} : { applicantNationalId }),
    };
  }
  const { municipality, renewalCode } = event.data as { municipality?: unknown; renewalCode?: unknown };
  if (
    event.stream.startsWith('parcel-') &&
    typeof municipality === 'string' &&
    typeof renewalCode === 'string'
  )
    return { subject: renewalCode, parcel: { municipality, renewalCode }, region: regionOf(renewalCode) };
  return undefined;
}

/**
 * A conflict of interest (تعارض منافع): a staff member acting on a file they applied for, or on a file
 * or parcel they own (as the owners stood when they acted, or as the action names them), matched by
 * national id. Staff without a national id on record cannot be matched.
 */
export function conflictOf(
  action: StaffAction,
  parties: Parties,
  staffNationalId: string | undefined,
  ownerNationalIds: readonly string[],
): ConflictRow | undefined {
  if (staffNationalId === undefined) return undefined;
  const relation =
    parties.applicantNationalId === staffNationalId
      ? 'applicant'
      : ownerNationalIds.includes(staffNationalId)
        ? 'owner'
        : undefined;
  if (!relation) return undefined;
  return { ...actionOnRecord(action), relation, subject: parties.subject };
}
