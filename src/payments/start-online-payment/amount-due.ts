import type { PermitView } from '../../../projections/permits/permits.projection.js';
import type { PaymentPurpose } from '../../permits/permit.events.js';
import { DomainError } from '../../shared/domain-error.js';

/** What the file owes now for `purpose`, in rials: the fees outstanding, or the commission's fine. */
export function amountDue(permit: PermitView, purpose: PaymentPurpose): number {
  const due =
    purpose === 'fees'
      ? permit.status === 'fees_assessed' && permit.fees?.outstanding
      : permit.status === 'fine_due' && permit.commission?.ruling?.fineAmount;
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
