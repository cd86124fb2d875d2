import { Injectable } from '@nestjs/common';
import { refundsProjection, type RefundView } from '../../../projections/refunds/refunds.projection.js';
import { Documents } from '../../event-store/subscriptions/documents.js';
import { ReadModelDatabase } from '../../event-store/subscriptions/read-model-database.js';

export type { RefundView };

/** A payment or a file has a handful of refunds at most; more is a sign of something else gone wrong. */
const MAX_REFUNDS = 100;

/** Refunds of gateway payments, by refund id. */
@Injectable()
export class RefundsReadModel extends Documents<RefundView> {
  constructor(readModels: ReadModelDatabase) {
    super(readModels, refundsProjection.name);
  }

  /** The refunds of one payment or of one permit file, oldest first. */
  of(field: 'paymentId' | 'permitId', id: string): RefundView[] {
    return this.list({ where: { [field]: id }, orderBy: 'requestedAt', limit: MAX_REFUNDS }).items;
  }
}
