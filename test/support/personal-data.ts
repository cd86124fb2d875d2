import { isTrackingNumber } from '../../src/tracking/tracking-number.js';

/** A national id (کد ملی) or a mobile as it appears in text, not inside a hash, a code or a number. */
const NATIONAL_ID = /(?<![0-9A-Za-z])\d{10}(?![0-9A-Za-z])/;
const MOBILE = /(?<![0-9A-Za-z])09\d{9}(?![0-9A-Za-z])/;

/** Every string in `value` that looks like a national id or a mobile number, with where it is. */
export function personalDataIn(value: unknown, path = ''): string[] {
  // A tracking number (کد رهگیری) is ten digits too, but never a valid national id.
  if (typeof value === 'string' && isTrackingNumber(value)) return [];
  if (typeof value === 'string')
    return NATIONAL_ID.test(value) || MOBILE.test(value) ? [`${path || '.'}: ${value}`] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => personalDataIn(item, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, item]) => personalDataIn(item, `${path}.${key}`));
  return [];
}
