import {
  PARCEL_EVENT_TYPES,
  parcelId,
  type ExistingBuilding,
  type ParcelEvent,
  type ParcelOwner,
} from '../../src/parcels/parcel.events.js';
import { municipalRegionOf, parseRenewalCode } from '../../src/parcels/renewal-code.js';
import type { Projection } from '../projection.js';

export interface YearDuesView {
  readonly year: number;
  readonly billed: number;
  readonly paid: number;
}

/** A parcel as the public lookup, inquiries and permits read it, with its renewal dues (عوارض نوسازی). */
export interface ParcelView {
  readonly id: string;
  readonly municipality: string;
  readonly renewalCode: string;
  /** The municipal region (منطقه) that prices its tariffs. */
  readonly region: string;
  readonly areaM2: number;
  readonly streetWidthM: number;
  readonly zone: string;
  readonly landUse: string;
  readonly existingBuilding: ExistingBuilding | null;
  readonly owners: readonly ParcelOwner[];
  readonly dues: readonly YearDuesView[];
  /** Billed and unpaid renewal dues, in rials. */
  readonly outstandingDues: number;
  readonly registeredAt: string;
  readonly updatedAt: string;
  /** The global position of the last event folded in, so answers can say how fresh they are. */
  readonly position: string;
}

const outstanding = (dues: readonly YearDuesView[]) => dues.reduce((sum, d) => sum + d.billed - d.paid, 0);

export const parcelsProjection: Projection<ParcelView, ParcelEvent> = {
  name: 'parcels',
  version: 1,
  handles: PARCEL_EVENT_TYPES,
  indexes: ['renewalCode', 'municipality'],
  documentId: (event) => parcelId(event.data.municipality, event.data.renewalCode),
  evolve: (doc, event) => {
    const at = event.metadata.recordedAt;
    const touched = { updatedAt: at, position: event.position };
    if (event.type === 'ParcelRegistered') {
      const { municipality, renewalCode, owners, ...details } = event.data;
      return {
        id: parcelId(municipality, renewalCode),
        municipality,
        renewalCode,
        region: municipalRegionOf(parseRenewalCode(renewalCode)),
        ...details,
        owners,
        dues: [],
        outstandingDues: 0,
        registeredAt: at,
        ...touched,
      };
    }
    if (!doc) return null;
    switch (event.type) {
      case 'ParcelDetailsCorrected':
        return { ...doc, ...event.data.changes, ...touched };
      case 'ParcelOwnershipChanged':
        return { ...doc, owners: event.data.owners, ...touched };
      case 'RenewalDuesBilled': {
        const dues = [...doc.dues, { year: event.data.year, billed: event.data.amount, paid: 0 }].sort(
          (a, b) => a.year - b.year,
        );
        return { ...doc, dues, outstandingDues: outstanding(dues), ...touched };
      }
      case 'RenewalDuesPaid': {
        const dues = doc.dues.map((d) =>
          d.year === event.data.year ? { ...d, paid: d.paid + event.data.amount } : d,
        );
        return { ...doc, dues, outstandingDues: outstanding(dues), ...touched };
      }
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },
};
