import type { InquiryKind } from '../../rule-sets/rule-set.js';

/** What the policy needs of whoever reads. */
export interface PolicyAudience {
  /** The categories whose personal data it may see as is. */
  readonly pii: readonly string[];
  /** An organisation's audience: it sees its own inquiries, as a requester. */
  readonly organisation?: string;
  /** With `organisation`: the kind of inquiry it files. */
  readonly inquiryKind?: InquiryKind;
}

/** A reshaping of an event's data for one audience, after secrets and personal data: pure. */
export interface AudienceView {
  readonly apply: (data: never, audience: PolicyAudience) => unknown;
  /** The fields it may leave out, which the published schema must therefore not require. */
  readonly omits: readonly string[];
}
