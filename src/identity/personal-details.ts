import { DomainError } from '../shared/domain-error.js';
import { normalizeDigits, normalizeNationalId } from './national-id.js';

const MOBILE = /^09\d{9}$/;

/** The national id (کد ملی) as stored, or a refusal. */
export function canonicalNationalId(input: string): string {
  const nationalId = normalizeNationalId(input);
  if (!nationalId) {
    throw new DomainError(
      'IDENTITY.INVALID_NATIONAL_ID',
      'The national id must be 10 digits with a valid check digit',
      'invalid',
    );
  }
  return nationalId;
}

/** An Iranian mobile number as stored (`09…`, from `+98…`, `0098…` or Persian digits too), or a refusal. */
export function canonicalMobile(input: string): string {
  const mobile = normalizeDigits(input.trim()).replace(/^(\+98|0098)/, '0');
  if (!MOBILE.test(mobile))
    throw new DomainError(
      'IDENTITY.INVALID_MOBILE',
      'The mobile number must look like 09121234567',
      'invalid',
    );
  return mobile;
}
