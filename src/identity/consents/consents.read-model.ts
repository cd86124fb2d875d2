import { Injectable } from '@nestjs/common';
import { consentsProjection, type ConsentView } from '../../../projections/consents/consents.projection.js';
import { Documents } from '../../event-store/subscriptions/documents.js';
import { ReadModelDatabase } from '../../event-store/subscriptions/read-model-database.js';

const PAGE = 50;

@Injectable()
export class ConsentsReadModel extends Documents<ConsentView> {
  constructor(readModels: ReadModelDatabase) {
    super(readModels, consentsProjection.name);
  }

  /** The consent under which `office` may act for the citizen at `now`: granted, not withdrawn, not lapsed. */
  liveFor(office: string, citizenNationalId: string, now: string): ConsentView | undefined {
    const [latest] = this.list({
      where: { citizenNationalId, office, status: 'granted' },
      orderBy: 'validUntil',
      descending: true,
      limit: 1,
    }).items;
    return latest && latest.validUntil !== null && latest.validUntil > now ? latest : undefined;
  }

  /** The newest first, one page. */
  of(party: { readonly citizenNationalId: string } | { readonly office: string }): ConsentView[] {
    return this.list({ where: party, orderBy: 'requestedAt', descending: true, limit: PAGE }).items;
  }
}
