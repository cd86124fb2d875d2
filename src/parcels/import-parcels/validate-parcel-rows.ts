import { MUNICIPALITY_CODE } from '../../identity/municipalities/municipality.events.js';
import { normalizeDigits } from '../../identity/national-id.js';
import { DomainError } from '../../shared/domain-error.js';
import { normalizeOwners } from '../parcel-owners.js';
import { ownersProblem, parcelDecider } from '../parcel.decider.js';
import { parcelId, type ExistingBuilding, type ParcelEvent, type ParcelOwner } from '../parcel.events.js';
import { parseRenewalCode } from '../renewal-code.js';
import type { ParcelCsvRow, Problem } from './parse-parcels-csv.js';

export type ParcelRegistration = Extract<ParcelEvent, { type: 'ParcelRegistered' }>['data'];

/** What the import checks rows against, read from the store before validating. */
export interface ImportContext {
  /** Codes of the registered municipalities. */
  readonly municipalities: ReadonlySet<string>;
  /** Parcels already registered, by `parcelId(municipality, renewalCode)`. */
  readonly registered: ReadonlySet<string>;
}

const DECIMAL = /^[0-9]{1,9}(?:\.[0-9]{1,2})?$/;
const WHOLE = /^[0-9]{1,4}$/;

/**
 * Every row checked, and every problem found, before anything is written: renewal code, numbers,
 * owners, the parcel rules of the decider, the municipality, duplicates within the file and parcels
 * registered already. The parcels are the rows' registrations, in file order, when no row has a problem.
 */
export function validateParcelRows(
  rows: readonly ParcelCsvRow[],
  context: ImportContext,
): { parcels: ParcelRegistration[]; problems: Problem[] } {
  const parcels: ParcelRegistration[] = [];
  const problems: Problem[] = [];
  const firstLine = new Map<string, number>();
  for (const row of rows) {
    const found: string[] = [];
    const registration = readRow(row, found);
    if (!context.municipalities.has(row.values.municipality.trim()) && !found.some(isAbout('municipality'))) {
      found.push(`municipality "${row.values.municipality.trim()}" is not registered`);
    }
    if (registration) {
      const decided = parcelDecider.decide(
        { type: 'RegisterParcel', data: registration },
        parcelDecider.initialState(),
      );
      if (decided instanceof DomainError) found.push(`${decided.message} (${decided.code})`);
      const id = parcelId(registration.municipality, registration.renewalCode);
      const earlier = firstLine.get(id);
      if (earlier !== undefined)
        found.push(`parcel ${registration.renewalCode} is already on line ${earlier}`);
      else firstLine.set(id, row.line);
      if (context.registered.has(id)) {
        found.push(
          `parcel ${registration.renewalCode} is already registered in ${registration.municipality}`,
        );
      }
      if (found.length === 0) parcels.push(registration);
    }
    problems.push(...found.map((message) => ({ line: row.line, message })));
  }
  return { parcels: problems.length ? [] : parcels, problems };
}

const isAbout = (column: string) => (message: string) => message.startsWith(column);

/** The row's registration, or undefined with what is wrong added to `found`. */
function readRow(row: ParcelCsvRow, found: string[]): ParcelRegistration | undefined {
  const v = row.values;
  const municipality = v.municipality.trim();
  if (!MUNICIPALITY_CODE.test(municipality))
    found.push(`municipality "${municipality}" is not a municipality code`);
  let renewalCode: string | undefined;
  try {
    renewalCode = parseRenewalCode(v.renewalCode.trim()).text;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    found.push(`renewalCode "${v.renewalCode}": ${error.message}`);
  }
  const areaM2 = decimal('areaM2', v.areaM2, found);
  const streetWidthM = decimal('streetWidthM', v.streetWidthM, found);
  const zone = v.zone.trim();
  const landUse = v.landUse.trim();
  const owners = readOwners(v.owners, found);
  const existingBuilding = readBuilding(v.existingFloors, v.existingAreaM2, found);
  if (
    found.length ||
    renewalCode === undefined ||
    areaM2 === undefined ||
    streetWidthM === undefined ||
    owners === undefined ||
    existingBuilding === undefined
  ) {
    return undefined;
  }
  return { municipality, renewalCode, areaM2, streetWidthM, zone, landUse, owners, existingBuilding };
}

function decimal(column: string, text: string, found: string[]): number | undefined {
  const digits = normalizeDigits(text.trim());
  if (DECIMAL.test(digits)) return Number(digits);
  found.push(`${column} "${text}" is not a number with at most two decimals, such as 250.5`);
  return undefined;
}

/** `nationalId:name:sharePct` entries separated by `|`; a name may itself hold colons. */
function readOwners(text: string, found: string[]): ParcelOwner[] | undefined {
  const entries = text.split('|').map((e) => e.trim());
  const owners: ParcelOwner[] = [];
  for (const entry of entries) {
    const parts = entry.split(':');
    const share = normalizeDigits(parts.at(-1)?.trim() ?? '');
    if (parts.length < 3 || !DECIMAL.test(share)) {
      found.push(`owners: "${entry}" is not nationalId:name:sharePct, such as 0013542419:زهرا احمدی:100`);
      return undefined;
    }
    owners.push({
      nationalId: parts[0]!.trim(),
      name: parts.slice(1, -1).join(':'),
      sharePct: Number(share),
    });
  }
  const normalized = normalizeOwners(owners);
  const problem = ownersProblem(normalized);
  if (problem) {
    found.push(`owners: ${problem.message} (${problem.code})`);
    return undefined;
  }
  return normalized;
}

/** Both columns empty for vacant land, or both given. */
function readBuilding(
  floorsText: string,
  areaText: string,
  found: string[],
): ExistingBuilding | null | undefined {
  const floors = normalizeDigits(floorsText.trim());
  const area = areaText.trim();
  if (floors === '' && area === '') return null;
  if (floors === '' || area === '') {
    found.push('existingFloors and existingAreaM2 are both given (a building) or both empty (vacant land)');
    return undefined;
  }
  if (!WHOLE.test(floors)) {
    found.push(`existingFloors "${floorsText}" is not a whole number`);
    return undefined;
  }
  const areaM2 = decimal('existingAreaM2', area, found);
  return areaM2 === undefined ? undefined : { floors: Number(floors), areaM2 };
}
