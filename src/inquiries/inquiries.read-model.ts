import { Injectable } from '@nestjs/common';
import { inquiriesProjection, type InquiryView } from '../../projections/inquiries/inquiries.projection.js';
import { Documents } from '../event-store/subscriptions/documents.js';
import { ReadModelDatabase } from '../event-store/subscriptions/read-model-database.js';

export type { InquiryView };

/** A parcel has a handful of open inquiries; this bounds a runaway one. */
const MAX_OPEN = 5_000;

/** Property inquiries (استعلام) as the requesters' lists and the clerks' worklists read them. */
@Injectable()
export class InquiriesReadModel extends Documents<InquiryView> {
  constructor(readModels: ReadModelDatabase) {
    super(readModels, inquiriesProjection.name);
  }

  /** The parcel's inquiries not answered yet, which a payment may clear. */
  openOn(municipality: string, renewalCode: string): InquiryView[] {
    return (['checking', 'awaiting_clerk'] as const).flatMap(
      (status) =>
        this.list({ where: { municipality, renewalCode, status }, limit: MAX_OPEN, offset: 0 }).items,
    );
  }
}
