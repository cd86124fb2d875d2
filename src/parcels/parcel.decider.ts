import type { Decider } from '../event-store/command-handling/decider.js';
import { isValidIranianNationalId } from '../identity/national-id.js';
import { DomainError } from '../shared/domain-error.js';
import type { ExistingBuilding, ParcelDetails, ParcelEvent, ParcelOwner } from './parcel.events.js';

type DataOf<T extends ParcelEvent['type']> = Extract<ParcelEvent, { type: T }>['data'];
type Key = { readonly municipality: string; readonly renewalCode: string };

export type ParcelCommand =
  | { readonly type: 'RegisterParcel'; readonly data: DataOf<'ParcelRegistered'> }
  | { readonly type: 'CorrectParcelDetails'; readonly data: DataOf<'ParcelDetailsCorrected'> }
  | { readonly type: 'ChangeOwnership'; readonly data: DataOf<'ParcelOwnershipChanged'> }
  | { readonly type: 'BillRenewalDues'; readonly data: DataOf<'RenewalDuesBilled'> }
  | { readonly type: 'PayRenewalDues'; readonly data: DataOf<'RenewalDuesPaid'> };

interface YearDues {
  readonly billed: number;
  readonly paid: number;
  readonly references: readonly string[];
}

export type ParcelState =
  | { readonly status: 'absent' }
  | { readonly status: 'registered'; readonly key: Key; readonly dues: Readonly<Record<number, YearDues>> };

export const parcelNotFound = (renewalCode: string) =>
  new DomainError('PARCEL.NOT_FOUND', `There is no parcel with renewal code ${renewalCode}`, 'not_found', {
    renewalCode,
  });

const invalid = (code: string, message: string) => new DomainError(code, message, 'invalid');

function detailsProblem(details: Partial<ParcelDetails>): DomainError | undefined {
  if (details.areaM2 !== undefined && !(details.areaM2 > 0 && details.areaM2 <= 10_000_000)) {
    return invalid('PARCEL.INVALID_AREA', 'The area must be a positive number of square metres');
  }
  if (details.streetWidthM !== undefined && !(details.streetWidthM >= 0 && details.streetWidthM <= 500)) {
    return invalid('PARCEL.INVALID_STREET_WIDTH', 'The street width must be between 0 and 500 metres');
  }
  if (details.zone !== undefined && !/^[A-Za-z0-9-]{1,16}$/.test(details.zone)) {
    return invalid('PARCEL.INVALID_ZONE', 'The zone must be a zone code of the detailed plan, e.g. R2');
  }
  if (details.landUse !== undefined && !/^[a-z][a-z_]{1,31}$/.test(details.landUse)) {
    return invalid('PARCEL.INVALID_LAND_USE', 'The land use must be a use code such as residential');
  }
  if (details.existingBuilding) return buildingProblem(details.existingBuilding);
  return undefined;
}

function buildingProblem(building: ExistingBuilding): DomainError | undefined {
  if (
    !Number.isInteger(building.floors) ||
    building.floors < 1 ||
    building.floors > 200 ||
    !(building.areaM2 > 0)
  ) {
    return invalid(
      'PARCEL.INVALID_BUILDING',
      'An existing building needs at least one floor and a positive area',
    );
  }
  return undefined;
}

/** Owners are named by valid national ids (کد ملی), once each, with shares adding up to exactly 100 %. */
export function ownersProblem(owners: readonly ParcelOwner[]): DomainError | undefined {
  if (owners.length === 0) return invalid('PARCEL.NO_OWNERS', 'A parcel needs at least one owner');
  if (owners.some((o) => !isValidIranianNationalId(o.nationalId))) {
    return invalid('PARCEL.INVALID_OWNER', 'Every owner needs a valid national id');
  }
  if (new Set(owners.map((o) => o.nationalId)).size !== owners.length) {
    return invalid('PARCEL.DUPLICATE_OWNER', 'An owner appears twice');
  }
  if (owners.some((o) => !(o.sharePct > 0) || !o.name.trim())) {
    return invalid('PARCEL.INVALID_OWNER', 'Every owner needs a name and a positive share');
  }
  // Shares are compared in hundredths of a percent, so 33.33 + 33.33 + 33.34 is exactly 100.
  if (owners.reduce((sum, o) => sum + Math.round(o.sharePct * 100), 0) !== 10_000) {
    return invalid('PARCEL.SHARES_NOT_100', 'The owners’ shares must add up to 100 %');
  }
  return undefined;
}

function decide(command: ParcelCommand, state: ParcelState): readonly ParcelEvent[] | DomainError {
  if (command.type === 'RegisterParcel') {
    if (state.status !== 'absent') {
      return new DomainError(
        'PARCEL.ALREADY_EXISTS',
        `Parcel ${command.data.renewalCode} is already registered`,
      );
    }
    const problem = detailsProblem(command.data) ?? ownersProblem(command.data.owners);
    return problem ?? [{ type: 'ParcelRegistered', data: command.data }];
  }
  if (state.status === 'absent') return parcelNotFound(command.data.renewalCode);
  switch (command.type) {
    case 'CorrectParcelDetails': {
      if (Object.keys(command.data.changes).length === 0)
        return invalid('PARCEL.NO_CHANGES', 'Name at least one field to correct');
      return detailsProblem(command.data.changes) ?? [{ type: 'ParcelDetailsCorrected', data: command.data }];
    }
    case 'ChangeOwnership':
      return ownersProblem(command.data.owners) ?? [{ type: 'ParcelOwnershipChanged', data: command.data }];
    case 'BillRenewalDues': {
      const { year, amount } = command.data;
      if (!Number.isInteger(year) || year < 1300 || year > 1500)
        return invalid('DUES.INVALID_YEAR', 'The year is a Solar Hijri year such as 1405');
      if (!Number.isSafeInteger(amount) || amount <= 0)
        return invalid('DUES.INVALID_AMOUNT', 'The amount is a positive whole number of rials');
      if (state.dues[year])
        return new DomainError('DUES.ALREADY_BILLED', `The renewal dues of ${year} are already billed`);
      return [{ type: 'RenewalDuesBilled', data: command.data }];
    }
    case 'PayRenewalDues': {
      const { year, amount, reference } = command.data;
      const dues = state.dues[year];
      if (!dues)
        return new DomainError('DUES.NOT_BILLED', `No renewal dues are billed for ${year}`, 'not_found');
      if (dues.references.includes(reference)) return [];
      const paidYear = Object.entries(state.dues).find(([, d]) => d.references.includes(reference))?.[0];
      if (paidYear !== undefined) {
        return new DomainError(
          'DUES.REFERENCE_USED',
          `The payment reference ${reference} already paid the renewal dues of ${paidYear}`,
          'conflict',
          { year: Number(paidYear) },
        );
      }
      if (!Number.isSafeInteger(amount) || amount <= 0)
        return invalid('DUES.INVALID_AMOUNT', 'The amount is a positive whole number of rials');
      if (amount > dues.billed - dues.paid) {
        return new DomainError(
          'DUES.OVERPAYMENT',
          `Only ${dues.billed - dues.paid} rials are outstanding for ${year}`,
          'conflict',
          {
            outstanding: dues.billed - dues.paid,
          },
        );
      }
      return [{ type: 'RenewalDuesPaid', data: command.data }];
    }
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

function evolve(state: ParcelState, event: ParcelEvent): ParcelState {
  switch (event.type) {
    case 'ParcelRegistered':
      return {
        status: 'registered',
        key: { municipality: event.data.municipality, renewalCode: event.data.renewalCode },
        dues: {},
      };
    case 'ParcelDetailsCorrected':
    case 'ParcelOwnershipChanged':
      return state;
    case 'RenewalDuesBilled':
      return state.status === 'absent'
        ? state
        : {
            ...state,
            dues: {
              ...state.dues,
              [event.data.year]: { billed: event.data.amount, paid: 0, references: [] },
            },
          };
    case 'RenewalDuesPaid': {
      if (state.status === 'absent') return state;
      const dues = state.dues[event.data.year];
      if (!dues) return state;
      const paid = {
        billed: dues.billed,
        paid: dues.paid + event.data.amount,
        references: [...dues.references, event.data.reference],
      };
      return { ...state, dues: { ...state.dues, [event.data.year]: paid } };
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

export const parcelDecider: Decider<ParcelCommand, ParcelState, ParcelEvent> = {
  initialState: () => ({ status: 'absent' }),
  evolve,
  decide,
};
