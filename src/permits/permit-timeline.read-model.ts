import { Injectable } from '@nestjs/common';
import {
  permitTimelineProjection,
  type PermitTimelineEntry,
} from '../../projections/permits/permit-timeline.projection.js';
import { Documents, type ListQuery, type Page } from '../event-store/subscriptions/documents.js';
import { ReadModelDatabase } from '../event-store/subscriptions/read-model-database.js';

export type { PermitTimelineEntry };

/** The field a file's entries are ordered by. */
export const TIMELINE_ORDER = 'revision';

@Injectable()
export class PermitTimelineReadModel extends Documents<PermitTimelineEntry> {
  constructor(readModels: ReadModelDatabase) {
    super(readModels, permitTimelineProjection.name);
  }

  /** A page of the file's events, in the order they happened. */
  of(permitId: string, window: Pick<ListQuery, 'limit' | 'offset' | 'after'>): Page<PermitTimelineEntry> {
    return this.list({ where: { permitId }, orderBy: TIMELINE_ORDER, ...window });
  }
}
