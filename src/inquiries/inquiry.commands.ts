import type { InquiryKind } from '../rule-sets/rule-set.js';
import type { AmountDue, InquiryEvent, InquiryFindings, InquiryOutcome } from './inquiry.events.js';

type DataOf<T extends InquiryEvent['type']> = Extract<InquiryEvent, { type: T }>['data'];
type InquiryRef = { readonly inquiryId: string };

/**
 * What may be asked of an inquiry. Which role asks (the requester, the checking reaction, a clerk) is
 * checked by the HTTP layer; the handler passes time, rule-set values and the facts the rules need.
 */
export type InquiryCommand =
  /**
   * Notary office, bank, utility or citizen: `at` is the filing time, `deadlineDays` the rule set's for
   * the kind, `allowedKind` the kind the filer's role files (if any), `parcelOwners` the owners' national ids.
   */
  | {
      readonly type: 'FileInquiry';
      readonly data: Omit<DataOf<'InquiryFiled'>, 'dueAt'> & {
        /** Claimed for the inquiry's stream by the handler: the same one for a repeated filing. */
        readonly trackingNumber: string;
        readonly at: string;
        readonly deadlineDays: number;
        readonly allowedKind?: InquiryKind;
        readonly parcelOwners: readonly string[];
      };
    }
  /** System: what `inquiryFindings` found on the parcel now; none clears the inquiry. */
  | { readonly type: 'CheckInquiry'; readonly data: InquiryRef & InquiryFindings }
  /**
   * Clerk: `reasons` in their own words (required to block); `amountsDue` replaces what the checks
   * found, which a blocked answer otherwise keeps.
   */
  | {
      readonly type: 'AnswerInquiry';
      readonly data: InquiryRef & {
        readonly outcome: InquiryOutcome;
        readonly reasons: readonly string[];
        readonly amountsDue?: readonly AmountDue[];
      };
    };

export type InquiryCommandType = InquiryCommand['type'];
