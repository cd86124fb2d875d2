import type { PermitStatus } from '../permits/permit.state.js';
import type { InquiryKind } from '../rule-sets/rule-set.js';
import type { AmountDue, InquiryFindings, InquiryReason } from './inquiry.events.js';

/** One permit file of the parcel, as far as inquiries care. */
export interface PermitFacts {
  readonly permitId: string;
  readonly status: PermitStatus;
  /** Rials of assessed permit fees still unpaid. */
  readonly feesOutstanding: number;
  /** The Article 100 commission's (کمیسیون ماده ۱۰۰) fine, in rials, when one was ruled. */
  readonly fineAmount?: number;
  /** What a non-compliant completion inspection found. */
  readonly violations: readonly string[];
  /** The signatory revoked the file's permit or completion certificate (ابطال): it proves nothing. */
  readonly documentRevoked: boolean;
}

/** What the checks read of a parcel: its unpaid renewal dues (عوارض نوسازی), building and permit files. */
export interface ParcelFacts {
  readonly unpaidDues: readonly { readonly year: number; readonly amount: number }[];
  readonly hasBuilding: boolean;
  readonly permits: readonly PermitFacts[];
}

type Finding = { readonly reason: InquiryReason; readonly due?: AmountDue };

/** Debts the owner settles: renewal dues, then each file's unpaid permit fees. */
function debtFindings(facts: ParcelFacts): Finding[] {
  const dues: Finding[] = facts.unpaidDues.map(({ year, amount }) => ({
    reason: { code: 'UNPAID_RENEWAL_DUES', text: `عوارض نوسازی سال ${year} پرداخت نشده است` },
    due: { item: 'renewal_dues', amount, year },
  }));
  const fees: Finding[] = facts.permits
    .filter((p) => p.status === 'fees_assessed' && p.feesOutstanding > 0)
    .map(({ permitId, feesOutstanding }) => ({
      reason: { code: 'UNPAID_PERMIT_FEES', text: 'عوارض پروانه ساختمانی پرداخت نشده است', permitId },
      due: { item: 'permit_fees', amount: feesOutstanding, permitId },
    }));
  return [...dues, ...fees];
}

/** Building violations not yet settled: found at inspection, before the commission, fined, or ruled for demolition. */
function violationFindings(facts: ParcelFacts): Finding[] {
  return facts.permits.flatMap((p): Finding[] => {
    const { permitId } = p;
    switch (p.status) {
      case 'inspected':
        if (p.violations.length === 0) return [];
        return [violation(permitId, 'تخلف ساختمانی در بازدید پایانکار گزارش شده است', p.violations)];
      case 'in_commission':
        return [violation(permitId, 'تخلف ساختمانی در کمیسیون ماده ۱۰۰ در دست رسیدگی است', p.violations)];
      case 'fine_due':
        return [
          {
            reason: { code: 'UNPAID_FINE', text: 'جریمه کمیسیون ماده ۱۰۰ پرداخت نشده است', permitId },
            ...(p.fineAmount ? { due: { item: 'fine', amount: p.fineAmount, permitId } } : {}),
          },
        ];
      case 'demolition_ordered':
        return [
          { reason: { code: 'DEMOLITION_ORDERED', text: 'کمیسیون ماده ۱۰۰ رأی تخریب داده است', permitId } },
        ];
      default:
        return [];
    }
  });
}

const violation = (permitId: string, text: string, violations: readonly string[]): Finding => ({
  reason: { code: 'OPEN_VIOLATION', text, permitId, violations },
});

/** Statuses in which the parcel has a valid permit or a completion certificate (پایانکار). */
const BUILT_LAWFULLY: readonly PermitStatus[] = [
  'issued',
  'completion_requested',
  'inspected',
  'completed',
  'fine_paid',
];

/** A connection serves a lawful building: a valid permit, a completion certificate, or a building already there. */
function connectionFindings(facts: ParcelFacts): Finding[] {
  const lawful =
    facts.hasBuilding || facts.permits.some((p) => BUILT_LAWFULLY.includes(p.status) && !p.documentRevoked);
  if (lawful) return [];
  return [
    {
      reason: {
        code: 'NO_CONNECTION_BASIS',
        text: 'پروانه ساختمانی معتبر، پایانکار یا بنای موجودی برای این ملک ثبت نشده است',
      },
    },
  ];
}

/**
 * What stands between the parcel and a clear answer, by kind:
 * - Transfer (نقل و انتقال) and Bank: unpaid renewal dues, unpaid permit fees, and any unsettled violation
 *   (found at inspection, before the commission, an unpaid fine, a demolition ruling);
 * - Utility (انشعاب): unsettled violations, and a lawful building to connect (a valid permit, a completion
 *   certificate, or an existing building); the owner's debts are not the utility's concern;
 * - NoViolation (گواهی عدم خلاف): unsettled violations only.
 */
export function inquiryFindings(kind: InquiryKind, facts: ParcelFacts): InquiryFindings {
  const findings = [
    ...(kind === 'Transfer' || kind === 'Bank' ? debtFindings(facts) : []),
    ...violationFindings(facts),
    ...(kind === 'Utility' ? connectionFindings(facts) : []),
  ];
  return {
    reasons: findings.map((f) => f.reason),
    amountsDue: findings.flatMap((f) => (f.due ? [f.due] : [])),
  };
}
