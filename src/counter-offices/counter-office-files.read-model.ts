import { Injectable } from '@nestjs/common';
import {
  counterOfficeFilesProjection,
  type CounterOfficeFileView,
} from '../../projections/counter-offices/counter-office-files.projection.js';
import { Documents } from '../event-store/subscriptions/documents.js';
import { ReadModelDatabase } from '../event-store/subscriptions/read-model-database.js';

export type { CounterOfficeFileView };

/** The permit files and inquiries each counter office acted on for citizens. */
@Injectable()
export class CounterOfficeFilesReadModel extends Documents<CounterOfficeFileView> {
  constructor(readModels: ReadModelDatabase) {
    super(readModels, counterOfficeFilesProjection.name);
  }
}
