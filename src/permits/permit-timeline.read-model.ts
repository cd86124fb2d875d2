import { Injectable } from '@nestjs/common';
import {
  permitTimelineProjection,
  type PermitTimelineEntry,
} from '../../projections/permits/permit-timeline.projection.js';
import { Documents } from '../event-store/subscriptions/documents.js';
import { ReadModelDatabase } from '../event-store/subscriptions/read-model-database.js';

export type { PermitTimelineEntry };

/** A file holds a few dozen events; this bounds a runaway one. */
const MAX_ENTRIES = 10_000;

@Injectable()
export class PermitTimelineReadModel extends Documents<PermitTimelineEntry> {
  constructor(readModels: ReadModelDatabase) {
    super(readModels, permitTimelineProjection.name);
  }

  /** Every event of the file, in the order it happened. */
  of(permitId: string): readonly PermitTimelineEntry[] {
    return this.list({ where: { permitId }, orderBy: 'revision', limit: MAX_ENTRIES, offset: 0 }).items;
  }
}
