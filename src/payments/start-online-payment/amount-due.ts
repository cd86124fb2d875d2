import type { PermitView } from '../../../projections/permits/permits.projection.js';
import type { PaymentPurpose } from '../../permits/permit.events.js';
import { DomainError } from '../../shared/domain-error.js';

/** What the file owes now for `purpose`, in rials: the fees or renewal fee outstanding, or the commission's fine. */
export function amountDue(permit: PermitView, purpose: PaymentPurpose): number {
  const due = dueFor(permit, purpose);
  if (!due || due <= 0) {
    throw new DomainError(
      'PAYMENT.NOTHING_DUE',
      `Nothing is due for the ${purpose} (the file is ${permit.status})`,
      'conflict',
      { status: permit.status, purpose },
    );
  }
  return due;
}

function dueFor(permit: PermitView, purpose: PaymentPurpose): number | undefined {
  switch (purpose) {
    case 'fees':
      return permit.status === 'fees_assessed' ? permit.fees?.outstanding : undefined;
    case 'fine':
      return permit.status === 'fine_due' ? permit.commission?.ruling?.fineAmount : undefined;
    case 'renewal':
      return permit.status === 'renewal_requested' ? permit.renewal?.outstanding : undefined;
    default: {
      const unknown: never = purpose;
      return unknown;
    }
  }
}
