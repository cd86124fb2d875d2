import { Injectable } from '@nestjs/common';
import {
  registrationsProjection,
  type RegistrationView,
} from '../../../projections/registrations/registrations.projection.js';
import { Documents } from '../../event-store/subscriptions/documents.js';
import { ReadModelDatabase } from '../../event-store/subscriptions/read-model-database.js';

/** More registrations than this for one national id in a day are refused anyway (the send limit). */
const SCANNED = 50;

@Injectable()
export class RegistrationsReadModel extends Documents<RegistrationView> {
  constructor(readModels: ReadModelDatabase) {
    super(readModels, registrationsProjection.name);
  }

  /** Wrong codes given for this national id's registrations started since `since`. */
  wrongCodesSince(nationalId: string, since: string): number {
    return this.list({
      where: { nationalId, startedAt: { op: '>=', value: since } },
      orderBy: 'startedAt',
      descending: true,
      limit: SCANNED,
    }).items.reduce((total, r) => total + r.wrongCodes, 0);
  }
}
