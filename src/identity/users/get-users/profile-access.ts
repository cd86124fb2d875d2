import type { UserView } from '../../../../projections/users/users.projection.js';
import type { DataAccess } from '../../../audit/audit-trail.js';

/** A citizen's profile (national id, mobile) read by someone else; an account with no national id is nobody's. */
export const profileAccess = (user: UserView): DataAccess | undefined =>
  user.nationalId
    ? { what: 'citizen_profile', subject: user.userId, citizens: [user.nationalId] }
    : undefined;
