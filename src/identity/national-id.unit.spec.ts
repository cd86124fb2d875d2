import { isValidIranianNationalId, normalizeDigits, normalizeNationalId } from './national-id.js';

describe('normalizeDigits', () => {
  it('maps Persian and Arabic-Indic digits to ASCII and leaves the rest alone', () => {
    expect(normalizeDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
    expect(normalizeDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(normalizeDigits('a۱-٢ 3')).toBe('a1-2 3');
  });
});

describe('isValidIranianNationalId', () => {
  // Each checked by hand against the rule: Σ digit[i]·(10−i), r = Σ mod 11, check = r < 2 ? r : 11 − r.
  it.each(['0499370899', '0790419904', '0013542419', '0084575948', '1234567891', '4608968882'])(
    'accepts %s',
    (id) => {
      expect(isValidIranianNationalId(id)).toBe(true);
    },
  );

  it('accepts Persian and Arabic-Indic digits', () => {
    expect(isValidIranianNationalId('۰۴۹۹۳۷۰۸۹۹')).toBe(true);
    expect(isValidIranianNationalId('٠٧٩٠٤١٩٩٠٤')).toBe(true);
  });

  it.each([
    ['a wrong check digit', '0499370898'],
    ['a wrong check digit', '0790419905'],
    ['nine digits', '049937089'],
    ['eleven digits', '04993708990'],
    ['letters', '04993708a9'],
    ['all the same digit', '1111111111'],
    ['all zeros', '0000000000'],
    ['an empty string', ''],
    ['surrounding whitespace', ' 0499370899'],
    ['separators', '049-937089-9'],
    ['other Unicode digits', '０４９９３７０８９９'],
  ])('refuses %s (%p)', (_why, id) => {
    expect(isValidIranianNationalId(id)).toBe(false);
  });
});

describe('normalizeNationalId', () => {
  it('returns the ASCII form of a valid id, trimmed', () => {
    expect(normalizeNationalId(' ۰۴۹۹۳۷۰۸۹۹\n')).toBe('0499370899');
    expect(normalizeNationalId('0790419904')).toBe('0790419904');
  });

  it('returns undefined for an invalid id', () => {
    expect(normalizeNationalId('0499370898')).toBeUndefined();
    expect(normalizeNationalId('1111111111')).toBeUndefined();
  });
});
