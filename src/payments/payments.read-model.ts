import { Injectable } from '@nestjs/common';
import { paymentsProjection, type PaymentView } from '../../projections/payments/payments.projection.js';
import { Documents } from '../event-store/subscriptions/documents.js';
import { ReadModelDatabase } from '../event-store/subscriptions/read-model-database.js';

export type { PaymentView };

/** Online payments of permit files, by payment id. */
@Injectable()
export class PaymentsReadModel extends Documents<PaymentView> {
  constructor(readModels: ReadModelDatabase) {
    super(readModels, paymentsProjection.name);
  }
}
