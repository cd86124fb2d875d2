import type { DocumentKind } from '../documents/document.events.js';
import type { InquiryKind } from '../rule-sets/rule-set.js';
import type { AmountDue, InquiryFindings, InquiryOutcome, InquiryReason } from './inquiry.events.js';

/** The municipality's staff see everything; a requester what its kind of inquiry entitles it to. */
export type Audience = 'requester' | 'staff';

export interface FindingsView {
  readonly reasons?: readonly InquiryReason[];
  readonly amountsDue?: readonly AmountDue[];
  /** Rials, the sum of `amountsDue`. */
  readonly amountDue?: number;
}

export interface AnswerView extends FindingsView {
  readonly outcome: InquiryOutcome;
  /** Utility inquiries: whether the parcel may be connected (انشعاب). */
  readonly connectionAllowed?: boolean;
}

export type InquiryAnswer = InquiryFindings & { readonly outcome: InquiryOutcome };

function everything({ reasons, amountsDue }: InquiryFindings): FindingsView {
  if (amountsDue.length === 0) return { reasons };
  return { reasons, amountsDue, amountDue: amountsDue.reduce((sum, d) => sum + d.amount, 0) };
}

/** Reasons without what an inspector found inside the building. */
const withoutViolations = ({ violations: _, ...reason }: InquiryReason): InquiryReason => reason;

/**
 * Need-to-know: a notary office or bank learns the reasons and the amounts due, not what the inspector
 * found; a utility learns nothing of the owner's affairs; the citizen asking for a no-violation
 * certificate (گواهی عدم خلاف) is an owner and sees the violations.
 */
export function findingsView(kind: InquiryKind, findings: InquiryFindings, audience: Audience): FindingsView {
  if (audience === 'staff') return everything(findings);
  switch (kind) {
    case 'Transfer':
    case 'Bank':
      return everything({ ...findings, reasons: findings.reasons.map(withoutViolations) });
    case 'Utility':
      return {};
    case 'NoViolation':
      return everything(findings);
    default: {
      const unknown: never = kind;
      return unknown;
    }
  }
}

/** The answer as `audience` may read it: a cleared one is just that, a blocked one says why. */
export function answerView(kind: InquiryKind, answer: InquiryAnswer, audience: Audience): AnswerView {
  const connection = kind === 'Utility' ? { connectionAllowed: answer.outcome === 'cleared' } : {};
  if (answer.outcome === 'cleared') return { outcome: answer.outcome, ...connection };
  return { outcome: answer.outcome, ...connection, ...findingsView(kind, answer, audience) };
}

/** A cleared no-violation inquiry earns the certificate; every other answer is an inquiry answer (پاسخ استعلام). */
export const answerDocumentKind = (kind: InquiryKind, outcome: InquiryOutcome): DocumentKind =>
  kind === 'NoViolation' && outcome === 'cleared' ? 'NoViolationCertificate' : 'InquiryAnswer';

/** The signed document's body: what the requester receives, so shaped for the requester. */
export function answerDocumentBody(
  inquiry: {
    readonly inquiryId: string;
    readonly kind: InquiryKind;
    readonly requesterReference: string;
    /** Printed on the answer when the inquiry has one (کد رهگیری). */
    readonly trackingNumber?: string;
  },
  answer: InquiryAnswer,
): Record<string, unknown> {
  const { inquiryId, kind, requesterReference, trackingNumber } = inquiry;
  return {
    inquiryId,
    ...(trackingNumber === undefined ? {} : { trackingNumber }),
    inquiryKind: kind,
    requesterReference,
    ...answerView(kind, answer, 'requester'),
  };
}
