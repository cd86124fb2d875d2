import { Injectable } from '@nestjs/common';
import {
  accessLogProjection,
  type AccessLogEntry,
} from '../../../projections/access-log/access-log.projection.js';
import { Documents } from '../../event-store/subscriptions/documents.js';
import { ReadModelDatabase } from '../../event-store/subscriptions/read-model-database.js';

export type { AccessLogEntry };

/** The field a citizen's log is ordered by, newest first. */
export const ACCESS_LOG_ORDER = 'recordedAt';

@Injectable()
export class AccessLogReadModel extends Documents<AccessLogEntry> {
  constructor(readModels: ReadModelDatabase) {
    super(readModels, accessLogProjection.name);
  }
}
