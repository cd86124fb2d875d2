import { normalizeNationalId } from '../identity/national-id.js';
import type { ParcelOwner } from './parcel.events.js';

/**
 * Owners as events carry them: plain objects, national ids in canonical form (ASCII digits), names
 * trimmed. An id that is not valid is kept as given, for the decider to refuse with its own code.
 */
export function normalizeOwners(owners: readonly ParcelOwner[]): ParcelOwner[] {
  return owners.map(({ nationalId, name, sharePct }) => ({
    nationalId: normalizeNationalId(nationalId) ?? nationalId,
    name: name.trim(),
    sharePct,
  }));
}
