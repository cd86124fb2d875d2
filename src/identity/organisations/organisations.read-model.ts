import { Injectable } from '@nestjs/common';
import {
  organisationsProjection,
  type OrganisationView,
} from '../../../projections/organisations/organisations.projection.js';
import { Documents } from '../../event-store/subscriptions/documents.js';
import { ReadModelDatabase } from '../../event-store/subscriptions/read-model-database.js';

@Injectable()
export class OrganisationsReadModel extends Documents<OrganisationView> {
  constructor(readModels: ReadModelDatabase) {
    super(readModels, organisationsProjection.name);
  }
}
