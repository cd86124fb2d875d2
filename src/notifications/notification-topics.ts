import type { CommissionRuling } from '../permits/permit.events.js';
import type { InquiryOutcome } from '../inquiries/inquiry.events.js';
import type { RefundMethod } from '../payments/refunds/refund.events.js';
import type { InspectionStage } from '../rule-sets/rule-set.js';

/** What a file's message may be about: the facts its template needs, fixed when it is queued. */
export interface TopicFacts {
  /** PermitSubmitted: the file reached the municipality (پرونده دریافت شد). */
  readonly file_received: { readonly applicationType: string };
  /** PermitReturned: the clerk returned the file for these reasons. */
  readonly file_returned: { readonly reasons: readonly string[] };
  /** SurveyorAssigned: a surveyor (نقشه‌بردار) will visit the site. */
  readonly survey_scheduled: Record<string, never>;
  /** The map order's (دستور نقشه) document was issued. */
  readonly map_order_issued: { readonly verificationUrl: string };
  readonly design_returned: { readonly reasons: readonly string[] };
  readonly design_approved: Record<string, never>;
  /** Fees (عوارض) assessed: the total in integer rials, and where to pay. */
  readonly fees_assessed: { readonly total: number; readonly payUrl: string };
  readonly payment_received: { readonly amount: number; readonly reference: string };
  /** RefundPaid: money went back to the payer (استرداد وجه), to their card or at the cash desk. */
  readonly refund_paid: {
    readonly amount: number;
    readonly method: RefundMethod;
    readonly refundReference: string;
  };
  /** PaymentExpired: an online payment was never settled in time; nothing was taken, pay again. */
  readonly payment_expired: { readonly amount: number; readonly payUrl: string };
  /** The building permit's (پروانه ساختمانی) document was issued. */
  readonly permit_issued: { readonly verificationUrl: string; readonly validUntil?: string };
  /** The renewed permit's (تمدید پروانه) document was issued; it supersedes the old one. */
  readonly permit_renewed: { readonly verificationUrl: string; readonly validUntil: string };
  readonly inspection_result: { readonly compliant: boolean; readonly violations: number };
  /** The completion certificate's (پایانکار) document was issued. */
  readonly completion_certificate_issued: { readonly verificationUrl: string };
  /** The permit's document was revoked (ابطال پروانه): completion waits for a new permit. */
  readonly permit_revoked: { readonly reason: string; readonly verificationUrl: string };
  /** The Article 100 commission (کمیسیون ماده ۱۰۰) ruled. */
  readonly commission_ruling: Pick<CommissionRuling, 'ruling' | 'fineAmount' | 'reference'>;
  /** To the requester of an inquiry (استعلام). */
  readonly inquiry_answered: { readonly outcome: InquiryOutcome; readonly renewalCode: string };
  /** To an owner of the parcel an inquiry was answered about. */
  readonly parcel_inquiry_answered: {
    readonly outcome: InquiryOutcome;
    readonly renewalCode: string;
    /** Who asked, as a person reads it: the organisation's name, or «a citizen». */
    readonly requesterName: string;
  };
  /** To a member of staff, once a day: their overdue worklist (کارتابل). */
  readonly overdue_digest: {
    readonly files: readonly OverdueItem[];
    /** How many more there are beyond `files`. */
    readonly more: number;
  };
}

export type OverdueItem = {
  readonly trackingNumber?: string;
  /** UTC ISO-8601. */
  readonly dueAt: string;
} & (
  | {
      readonly process: 'permit' | 'inquiry';
      /** The status (permits) or inquiry kind it waits in. */
      readonly stage: string;
    }
  | {
      /** A stage of construction waiting for its inspector (بازرسی مرحله‌ای). */
      readonly process: 'inspection';
      readonly stage: InspectionStage;
    }
);

export type Topic = keyof TopicFacts;

/** One thing a message tells: about which event, which file, and the template's facts. */
export type NotificationItem = {
  [T in Topic]: {
    readonly topic: T;
    /** The event that caused it. */
    readonly cause: string;
    /** When that event happened (UTC ISO-8601). */
    readonly at: string;
    /** The file's tracking number (کد رهگیری), when the message is about one file. */
    readonly trackingNumber?: string;
    readonly facts: TopicFacts[T];
  };
}[Topic];

export const CHANNELS = ['sms', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

export const LANGUAGES = ['fa', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Topics that may wake a person: an SMS about them is sent during quiet hours too. A commission's
 * ruling starts a period to object in, so it is not held until morning.
 */
export const URGENT_TOPICS: ReadonlySet<Topic> = new Set<Topic>(['commission_ruling']);
