import { Injectable } from '@nestjs/common';
import type { Caller } from '../identity/auth/caller.decorator.js';
import type { RecordScope } from '../identity/record-access.js';
import type { Role } from '../identity/roles.js';
import { PermitsReadModel } from '../permits/permits.read-model.js';
import { paymentNotFound } from './payment.decider.js';
import { PaymentsReadModel, type PaymentView } from './payments.read-model.js';

/**
 * Roles that may read payments; which ones, per payment: the payer, and the staff who handle the file,
 * its money or its oversight. Not the surveyor (نقشه‌بردار) or the building inspector (بازرس ساختمان),
 * who measure and inspect the building, not what its applicant paid. A list, not "all but", so a new
 * role reads no payment until someone decides it should.
 */
export const PAYMENT_READERS: readonly Role[] = [
  'citizen',
  'counter_office',
  'clerk',
  'signatory',
  'cashier',
  'oversight',
];

/** The payer (or a counter office acting for them) and the staff of the file's municipality and region. */
@Injectable()
export class PaymentAccess {
  constructor(
    private readonly payments: PaymentsReadModel,
    private readonly permits: PermitsReadModel,
  ) {}

  /** The payment, answered like a missing one (404 PAYMENT.NOT_FOUND) to whoever may not read it. */
  readable(caller: Caller, paymentId: string): PaymentView {
    const payment = this.payments.get(paymentId);
    if (!payment || caller.accessTo(this.scopeOf(payment)) === 'none') throw paymentNotFound(paymentId);
    return payment;
  }

  /** Region-bound staff see the payments of their region's files. */
  scopeOf(payment: PaymentView): RecordScope {
    const region = this.permits.get(payment.permitId)?.region;
    return {
      municipality: payment.municipality,
      ownerNationalIds: [payment.payerNationalId],
      ...(region ? { region } : {}),
    };
  }
}
