import type { InquiryKind } from '../rule-sets/rule-set.js';

export const INQUIRY_OUTCOMES = ['cleared', 'blocked'] as const;
/** Cleared (بلامانع): nothing stands in the way; blocked (دارای مانع): see the reasons. */
export type InquiryOutcome = (typeof INQUIRY_OUTCOMES)[number];

/** Codes of the automatic checks, and CLERK for a clerk's own words. */
export type InquiryReasonCode =
  | 'UNPAID_RENEWAL_DUES'
  | 'UNPAID_PERMIT_FEES'
  | 'OPEN_VIOLATION'
  | 'UNPAID_FINE'
  | 'DEMOLITION_ORDERED'
  | 'NO_CONNECTION_BASIS'
  | 'CLERK';

export interface InquiryReason {
  readonly code: InquiryReasonCode;
  /** What a person reads on the answer, in Persian for the checks' reasons. */
  readonly text: string;
  readonly permitId?: string;
  /** OPEN_VIOLATION: what the completion inspection found. */
  readonly violations?: readonly string[];
}

export const AMOUNT_ITEMS = ['renewal_dues', 'permit_fees', 'fine'] as const;
export type AmountItem = (typeof AMOUNT_ITEMS)[number];

/** Something the owner must pay before the parcel is clear, in integer rials. */
export interface AmountDue {
  readonly item: AmountItem;
  readonly amount: number;
  /** renewal_dues: the Solar Hijri year billed. */
  readonly year?: number;
  /** permit_fees, fine: the permit file that owes it. */
  readonly permitId?: string;
}

/** What stands between the parcel and a clear answer; no reasons means clear. */
export interface InquiryFindings {
  readonly reasons: readonly InquiryReason[];
  readonly amountsDue: readonly AmountDue[];
}

/** Who asks: an organisation (its people and API keys alike), or a citizen by national id (کد ملی). */
export type InquiryRequester = { readonly organisation: string } | { readonly nationalId: string };

type InquiryRef = { readonly inquiryId: string };

/**
 * A property inquiry (استعلام), in stream `inquiry-<inquiryId>`: filed, checked against the parcel
 * at once, referred to the clerk's worklist (کارتابل) when something stands in the way, answered.
 * Who did what is in each event's metadata.actor.
 */
export type InquiryEvent =
  | {
      readonly type: 'InquiryFiled';
      readonly data: InquiryRef & {
        readonly kind: InquiryKind;
        readonly municipality: string;
        /** Canonical renewal code (کد نوسازی) of the parcel. */
        readonly renewalCode: string;
        readonly requester: InquiryRequester;
        /** The requester's own letter number; the same one again is the same inquiry. */
        readonly requesterReference: string;
        readonly purpose: string;
        /** UTC ISO-8601: the rule set's deadline for the kind, from the filing. */
        readonly dueAt: string;
        /**
         * The inquiry's tracking number (کد رهگیری), claimed before it was filed; absent from inquiries
         * filed before tracking numbers were given, present on every inquiry filed since.
         */
        readonly trackingNumber?: string;
      };
    }
  /** Sent to the clerks of the parcel's municipality with what the checks found (again when that changes). */
  | { readonly type: 'InquiryReferred'; readonly data: InquiryRef & InquiryFindings }
  | {
      readonly type: 'InquiryAnswered';
      readonly data: InquiryRef &
        InquiryFindings & {
          readonly outcome: InquiryOutcome;
          readonly answeredBy: 'automatic' | 'clerk';
        };
    };

export type InquiryEventType = InquiryEvent['type'];

// A record, so that the compiler refuses a list that misses a type.
const EVENT_TYPES: { readonly [type in InquiryEventType]: true } = {
  InquiryFiled: true,
  InquiryReferred: true,
  InquiryAnswered: true,
};

export const INQUIRY_EVENT_TYPES = Object.keys(EVENT_TYPES) as readonly InquiryEventType[];

export const INQUIRY_STREAM_PREFIX = 'inquiry-';
export const inquiryStream = (inquiryId: string) => `${INQUIRY_STREAM_PREFIX}${inquiryId}`;
