import { Injectable } from '@nestjs/common';
import type { Caller } from '../identity/auth/caller.decorator.js';
import type { RecordScope } from '../identity/record-access.js';
import { PermitsReadModel } from '../permits/permits.read-model.js';
import { paymentNotFound } from './payment.decider.js';
import { PaymentsReadModel, type PaymentView } from './payments.read-model.js';

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
