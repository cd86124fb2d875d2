/** A region (منطقه) of a municipality; staff may be limited to some regions. */
export interface Region {
  readonly code: string;
  readonly name: string;
}

/** A municipality (شهرداری) is a tenant: staff, parcels and files all belong to one. */
export type MunicipalityEvent =
  | {
      readonly type: 'MunicipalityRegistered';
      readonly data: {
        readonly code: string;
        readonly name: string;
        readonly nameFa: string;
        readonly regions: readonly Region[];
        /** The province (استان) it belongs to: a provincial oversight grant covers all of its cities. */
        readonly province?: string;
      };
    }
  | { readonly type: 'RegionAdded'; readonly data: { readonly code: string; readonly region: Region } };

export const MUNICIPALITY_EVENT_TYPES: readonly MunicipalityEvent['type'][] = [
  'MunicipalityRegistered',
  'RegionAdded',
];

export const MUNICIPALITY_CODE = /^[a-z][a-z0-9-]{1,31}$/;
export const PROVINCE_CODE = MUNICIPALITY_CODE;
export const REGION_CODE = /^[a-z0-9][a-z0-9-]{0,31}$/;
export const municipalityStream = (code: string) => `municipality-${code}`;
