import type { Role } from '../identity/roles.js';
import type { InquiryKind } from '../rule-sets/rule-set.js';

/**
 * What one reader of the feed may see: absent lists allow all; `pii` names the categories whose
 * personal data it sees as is; `organisation` limits it to the streams that organisation began (the
 * inquiries it filed and their answers).
 */
export interface FeedAudience {
  readonly municipalities?: readonly string[];
  readonly categories?: readonly string[];
  readonly types?: readonly string[];
  readonly pii: readonly string[];
  readonly organisation?: string;
  /** With `organisation`: the kind of inquiry it files, whose answers it sees as GET /inquiries/:id shows them. */
  readonly inquiryKind?: InquiryKind;
}

/** The roles whose keys may read the feed of their own inquiries (استعلام) with `feed:read`. */
export const INQUIRING_ROLES: readonly Role[] = ['notary', 'bank', 'utility'];
/** Roles whose callers reach the feed's endpoints; `feedAudience` decides what each sees. */
export const FEED_ROLES: readonly Role[] = ['integrator', ...INQUIRING_ROLES];
export const FEED_PERMISSION = 'feed:read';
