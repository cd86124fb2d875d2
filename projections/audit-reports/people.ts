import type { RecordedEvent } from '../../src/event-store/event-envelope.js';
import { sameGrant, type Grant } from '../../src/identity/roles.js';
import type { DaftarEvent } from '../daftar-events.js';

/**
 * A user as the reports know them: a name for the rows, the national id (کد ملی) that conflicts are
 * matched by, and the municipal grants whose municipalities see the user's sign-ins.
 */
export interface KnownUser {
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly nationalId?: string;
  /** Grants naming a municipality; provincial grants name none and place no sign-ins. */
  readonly grants: readonly Grant[];
}

/** The user an event of a `user-` stream changes, if any. */
export function knownUserIdOf(event: RecordedEvent<DaftarEvent>): string | undefined {
  switch (event.type) {
    case 'UserCreated':
    case 'RoleGranted':
    case 'RoleRevoked':
      return event.data.userId;
    default:
      return undefined;
  }
}

export function knownUserAfter(
  user: KnownUser | undefined,
  event: RecordedEvent<DaftarEvent>,
): KnownUser | undefined {
  const municipal = (grant: Grant) => grant.municipality !== undefined;
  switch (event.type) {
    case 'UserCreated': {
      const { userId, username, displayName, nationalId, grants } = event.data;
      return {
        userId,
        username,
        displayName,
        ...(nationalId === undefined ? {} : { nationalId }),
        grants: grants.filter(municipal),
      };
    }
    case 'RoleGranted':
      return user && municipal(event.data.grant)
        ? { ...user, grants: [...user.grants, event.data.grant] }
        : user;
    case 'RoleRevoked':
      return user && { ...user, grants: user.grants.filter((g) => !sameGrant(g, event.data.grant)) };
    default:
      return user;
  }
}

/**
 * A parcel as the conflicts report keys it: renewal codes (کد نوسازی) are numbered per municipality, so
 * the same code names another parcel in another city.
 */
export interface ParcelOf {
  readonly municipality: string;
  readonly renewalCode: string;
}

/** The owners (مالکین) a parcel event puts on record: the parcel and their national ids. */
export function ownersNamed(
  event: RecordedEvent<DaftarEvent>,
): { readonly parcel: ParcelOf; readonly nationalIds: readonly string[] } | undefined {
  if (event.type !== 'ParcelRegistered' && event.type !== 'ParcelOwnershipChanged') return undefined;
  const { municipality, renewalCode, owners } = event.data;
  return { parcel: { municipality, renewalCode }, nationalIds: owners.map((o) => o.nationalId) };
}
