import { Injectable } from '@nestjs/common';
import { permitsProjection, type PermitView } from '../../projections/permits/permits.projection.js';
import { Documents } from '../event-store/subscriptions/documents.js';
import { ReadModelDatabase } from '../event-store/subscriptions/read-model-database.js';

export type { PermitView };

/** The orders a worklist shows files in: a top-level field holding a UTC ISO-8601 instant. */
export interface PermitsOrder {
  readonly orderBy: 'stateSince' | 'updatedAt' | 'openedAt';
  readonly descending: boolean;
}

/** Building-permit files (پرونده پروانه ساختمانی) as the queries and worklists read them. */
@Injectable()
export class PermitsReadModel extends Documents<PermitView> {
  constructor(readModels: ReadModelDatabase) {
    super(readModels, permitsProjection.name);
  }
}
