import { Injectable } from '@nestjs/common';
import { parcelsProjection, type ParcelView } from '../../projections/parcels/parcels.projection.js';
import { Documents } from '../event-store/subscriptions/documents.js';
import { ReadModelDatabase } from '../event-store/subscriptions/read-model-database.js';
import { DomainError } from '../shared/domain-error.js';
import { parcelNotFound } from './parcel.decider.js';
import { parcelId } from './parcel.events.js';
import { parseRenewalCode } from './renewal-code.js';

@Injectable()
export class ParcelsReadModel extends Documents<ParcelView> {
  constructor(readModels: ReadModelDatabase) {
    super(readModels, parcelsProjection.name);
  }

  /**
   * The parcel a renewal code names. Codes are unique within a municipality; without one named, a code
   * that exists in several municipalities is ambiguous.
   */
  find(renewalCodeInput: string, municipality?: string): ParcelView {
    const code = parseRenewalCode(renewalCodeInput).text;
    if (municipality !== undefined)
      return this.getOr(parcelId(municipality, code), () => parcelNotFound(code));
    const { items } = this.list({ where: { renewalCode: code }, limit: 2, offset: 0 });
    if (items.length > 1) {
      throw new DomainError(
        'PARCEL.AMBIGUOUS',
        `Renewal code ${code} exists in several municipalities; name one with ?municipality=`,
        'invalid',
      );
    }
    if (!items[0]) throw parcelNotFound(code);
    return items[0];
  }
}
