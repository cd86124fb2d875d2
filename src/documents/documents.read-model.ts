import { Injectable } from '@nestjs/common';
import {
  documentsProjection,
  type DocumentRecord,
} from '../../projections/documents/documents.projection.js';
import { Documents } from '../event-store/subscriptions/documents.js';
import { ReadModelDatabase } from '../event-store/subscriptions/read-model-database.js';

@Injectable()
export class DocumentsReadModel extends Documents<DocumentRecord> {
  constructor(readModels: ReadModelDatabase) {
    super(readModels, documentsProjection.name);
  }

  /** The documents issued for events of one stream (a permit file, an inquiry), oldest first. */
  ofSubject(stream: string): DocumentRecord[] {
    return this.list({ where: { 'subject.stream': stream }, orderBy: 'issuedAt', limit: 100, offset: 0 })
      .items;
  }
}
