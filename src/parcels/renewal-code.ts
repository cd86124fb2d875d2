import { normalizeDigits } from '../identity/national-id.js';
import { DomainError } from '../shared/domain-error.js';

/** The seven parts of a renewal code, in the order they are written. */
export const RENEWAL_CODE_PARTS = [
  'district',
  'region',
  'block',
  'parcel',
  'building',
  'apartment',
  'shop',
] as const;

export type RenewalCodePart = (typeof RENEWAL_CODE_PARTS)[number];

/**
 * The renewal code (کد نوسازی), a parcel's id in the municipality: seven non-negative integers
 * district-region-block-parcel-building-apartment-shop. `text` is the canonical form (ASCII digits,
 * no leading zeros), the one to store, compare and put in stream names.
 */
export type RenewalCode = { readonly [part in RenewalCodePart]: number } & { readonly text: string };

const FORMAT = /^[0-9]{1,6}(?:-[0-9]{1,6}){6}$/;
const EXPECTED =
  'A renewal code (کد نوسازی) is seven non-negative integers of at most 6 digits each, joined by "-" ' +
  'without spaces or signs: district-region-block-parcel-building-apartment-shop, e.g. 1-1-1-1-0-0-0';

/** Parses a renewal code typed with ASCII, Persian or Arabic-Indic digits and leading zeros or not. */
export function parseRenewalCode(input: string): RenewalCode {
  // The length check keeps huge inputs away from the regular expression and out of the error.
  const normalized = typeof input === 'string' && input.length <= 64 ? normalizeDigits(input) : '';
  if (!FORMAT.test(normalized)) {
    throw new DomainError('PARCEL.INVALID_RENEWAL_CODE', EXPECTED, 'invalid', {
      expected: RENEWAL_CODE_PARTS.join('-'),
    });
  }
  const [district, region, block, parcel, building, apartment, shop] = normalized.split('-').map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const text = `${district}-${region}-${block}-${parcel}-${building}-${apartment}-${shop}`;
  return { district, region, block, parcel, building, apartment, shop, text };
}

/**
 * The municipal region (منطقه) the parcel lies in: the code's first part, which the glossary calls
 * the district. The tariffs' regional prices (P) are keyed by it.
 */
export function municipalRegionOf(code: RenewalCode): string {
  return String(code.district);
}
