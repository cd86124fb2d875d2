export type ParcelOwner = {
  readonly nationalId: string;
  readonly name: string;
  /** Percent of the parcel; the owners' shares add up to 100. */
  readonly sharePct: number;
};

export type ExistingBuilding = { readonly floors: number; readonly areaM2: number };

export interface ParcelDetails {
  readonly areaM2: number;
  readonly streetWidthM: number;
  /** A zone of the detailed plan (طرح تفصیلی). */
  readonly zone: string;
  /** Current land use (کاربری). */
  readonly landUse: string;
  /** null for vacant land. */
  readonly existingBuilding: ExistingBuilding | null;
}

interface ParcelKey {
  readonly municipality: string;
  /** Canonical renewal code (کد نوسازی). */
  readonly renewalCode: string;
}

export type ParcelEvent =
  | {
      readonly type: 'ParcelRegistered';
      readonly data: ParcelKey & ParcelDetails & { readonly owners: readonly ParcelOwner[] };
    }
  | {
      readonly type: 'ParcelDetailsCorrected';
      readonly data: ParcelKey & { readonly changes: Partial<ParcelDetails>; readonly reason: string };
    }
  | {
      readonly type: 'ParcelOwnershipChanged';
      readonly data: ParcelKey & { readonly owners: readonly ParcelOwner[]; readonly reason: string };
    }
  /** Annual renewal dues (عوارض نوسازی) of a Solar Hijri year, in rials. */
  | {
      readonly type: 'RenewalDuesBilled';
      readonly data: ParcelKey & { readonly year: number; readonly amount: number };
    }
  | {
      readonly type: 'RenewalDuesPaid';
      readonly data: ParcelKey & {
        readonly year: number;
        readonly amount: number;
        readonly reference: string;
        readonly channel: 'cashier' | 'gateway' | 'import';
      };
    };

export const PARCEL_EVENT_TYPES: readonly ParcelEvent['type'][] = [
  'ParcelRegistered',
  'ParcelDetailsCorrected',
  'ParcelOwnershipChanged',
  'RenewalDuesBilled',
  'RenewalDuesPaid',
];

export const parcelStream = (municipality: string, renewalCode: string) =>
  `parcel-${municipality}-${renewalCode}`;
export const parcelId = (municipality: string, renewalCode: string) => `${municipality}:${renewalCode}`;
