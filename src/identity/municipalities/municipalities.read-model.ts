import { Injectable } from '@nestjs/common';
import {
  municipalitiesProjection,
  type MunicipalityView,
} from '../../../projections/municipalities/municipalities.projection.js';
import { Documents } from '../../event-store/subscriptions/documents.js';
import { ReadModelDatabase } from '../../event-store/subscriptions/read-model-database.js';

@Injectable()
export class MunicipalitiesReadModel extends Documents<MunicipalityView> {
  constructor(readModels: ReadModelDatabase) {
    super(readModels, municipalitiesProjection.name);
  }
}
