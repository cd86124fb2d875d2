import { DomainError } from '../shared/domain-error.js';
import { municipalRegionOf, parseRenewalCode } from './renewal-code.js';

describe('parseRenewalCode', () => {
  it('reads the seven parts in order', () => {
    expect(parseRenewalCode('2-3-15-7-1-4-9')).toEqual({
      district: 2,
      region: 3,
      block: 15,
      parcel: 7,
      building: 1,
      apartment: 4,
      shop: 9,
      text: '2-3-15-7-1-4-9',
    });
  });

  it('gives the canonical form without leading zeros', () => {
    expect(parseRenewalCode('01-001-000015-7-0-00-0').text).toBe('1-1-15-7-0-0-0');
    expect(parseRenewalCode('1-1-1-1-0-0-0').text).toBe('1-1-1-1-0-0-0');
  });

  it('accepts Persian and Arabic-Indic digits', () => {
    expect(parseRenewalCode('۱-۱-۱-۲-۰-۰-۰').text).toBe('1-1-1-2-0-0-0');
    expect(parseRenewalCode('٢-٣-١٥-٧-٠-٠-٠').text).toBe('2-3-15-7-0-0-0');
  });

  it('accepts six-digit parts', () => {
    expect(parseRenewalCode('999999-1-1-1-0-0-0').district).toBe(999_999);
  });

  it.each([
    ['six parts', '1-1-1-1-0-0'],
    ['eight parts', '1-1-1-1-0-0-0-0'],
    ['an empty part', '1-1--1-0-0-0'],
    ['a seven-digit part', '1234567-1-1-1-0-0-0'],
    ['a plus sign', '+1-1-1-1-0-0-0'],
    ['a minus sign', '-1-1-1-1-0-0-0'],
    ['a decimal', '1.5-1-1-1-0-0-0'],
    ['spaces around a dash', '1 - 1-1-1-0-0-0'],
    ['a leading space', ' 1-1-1-1-0-0-0'],
    ['a trailing newline', '1-1-1-1-0-0-0\n'],
    ['slashes', '1/1/1/1/0/0/0'],
    ['letters', '1-1-a-1-0-0-0'],
    ['full-width digits', '１-1-1-1-0-0-0'],
    ['an empty string', ''],
    ['a huge input', '1-'.repeat(10_000) + '1'],
  ])('refuses %s', (_why, input) => {
    expect(() => parseRenewalCode(input)).toThrow(DomainError);
  });

  it('says what is expected', () => {
    let error: unknown;
    try {
      parseRenewalCode('12345');
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({
      code: 'PARCEL.INVALID_RENEWAL_CODE',
      kind: 'invalid',
      details: { expected: 'district-region-block-parcel-building-apartment-shop' },
    });
    expect((error as Error).message).toMatch(/seven non-negative integers/);
    expect((error as Error).message).toMatch(/district-region-block-parcel-building-apartment-shop/);
  });

  it('refuses a non-string from untyped callers', () => {
    expect(() => parseRenewalCode(42 as unknown as string)).toThrow(DomainError);
  });
});

describe('municipalRegionOf', () => {
  it('is the first part, as a tariff key', () => {
    expect(municipalRegionOf(parseRenewalCode('03-2-7-12-0-0-0'))).toBe('3');
  });
});
