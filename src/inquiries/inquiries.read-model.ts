import { Injectable } from '@nestjs/common';
import {
  inquiriesProjection,
  type InquiryDocument,
} from '../../projections/inquiries/inquiries.projection.js';
import { Documents, type ListQuery, type Page } from '../event-store/subscriptions/documents.js';
import { ReadModelDatabase } from '../event-store/subscriptions/read-model-database.js';

export type { InquiryDocument };

/** How many inquiries a filter in memory looks at, in the list's order. */
const MAX_SCANNED = 5_000;

/** Property inquiries (استعلام) as the requesters' lists and the clerks' worklists read them. */
@Injectable()
export class InquiriesReadModel extends Documents<InquiryDocument> {
  constructor(readModels: ReadModelDatabase) {
    super(readModels, inquiriesProjection.name);
  }

  /** One page of `list`; with `keep`, also filtered in memory, over at most MAX_SCANNED inquiries. */
  listKept(query: ListQuery, keep?: (doc: InquiryDocument) => boolean): Page<InquiryDocument> {
    if (!keep) return this.list(query);
    const { limit, offset, ...rest } = query;
    const kept = this.list({ ...rest, limit: MAX_SCANNED, offset: 0 }).items.filter(keep);
    return { items: kept.slice(offset, offset + limit), total: kept.length };
  }

  /** The parcel's inquiries not answered yet, which a payment may clear. */
  openOn(municipality: string, renewalCode: string): InquiryDocument[] {
    return (['checking', 'awaiting_clerk'] as const).flatMap(
      (status) =>
        this.list({ where: { municipality, renewalCode, status }, limit: MAX_SCANNED, offset: 0 }).items,
    );
  }
}
