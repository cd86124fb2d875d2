import { Injectable } from '@nestjs/common';
import { permitsProjection, type PermitDocument } from '../../projections/permits/permits.projection.js';
import { Documents, type Filters, type Page } from '../event-store/subscriptions/documents.js';
import { ReadModelDatabase } from '../event-store/subscriptions/read-model-database.js';

export type { PermitDocument };

export interface PermitsQuery {
  /** A top-level field holding a UTC ISO-8601 instant. */
  readonly orderBy: 'stateSince' | 'updatedAt' | 'openedAt';
  readonly descending: boolean;
  readonly limit: number;
  readonly offset: number;
}

/** How many files of one clause a filter in memory looks at, oldest first when ordered by `stateSince`. */
const MAX_SCANNED = 5_000;

/** Building-permit files (پرونده پروانه ساختمانی) as the queries and worklists read them. */
@Injectable()
export class PermitsReadModel extends Documents<PermitDocument> {
  constructor(readModels: ReadModelDatabase) {
    super(readModels, permitsProjection.name);
  }

  /**
   * One page of the files matching any of `clauses` (exact matches, as in `list`). The clauses must not
   * overlap, e.g. one per status, so that the totals add up. With `keep`, the files are also filtered in
   * memory, at most MAX_SCANNED per clause.
   */
  listAnyOf(
    clauses: readonly Filters[],
    query: PermitsQuery,
    keep?: (doc: PermitDocument) => boolean,
  ): Page<PermitDocument> {
    const { orderBy, descending, limit, offset } = query;
    const window = keep ? MAX_SCANNED : offset + limit;
    const pages = clauses.map((where) => this.list({ where, orderBy, descending, limit: window, offset: 0 }));
    const sign = descending ? -1 : 1;
    // The order SQLite gives within each clause: the field, then the id.
    const merged = pages
      .flatMap((page) => page.items)
      .sort((a, b) => sign * compare(a[orderBy], b[orderBy]) || compare(a.id, b.id));
    const kept = keep ? merged.filter(keep) : merged;
    const total = keep ? kept.length : pages.reduce((sum, page) => sum + page.total, 0);
    return { items: kept.slice(offset, offset + limit), total };
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
