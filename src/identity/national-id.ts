const PERSIAN_ZERO = 0x06f0; // ۰
const ARABIC_INDIC_ZERO = 0x0660; // ٠
const NON_ASCII_DIGIT = /[\u06f0-\u06f9\u0660-\u0669]/;

/** Maps Persian (۰-۹) and Arabic-Indic (٠-٩) digits to ASCII 0-9, since Persian keyboards type the former. */
export function normalizeDigits(s: string): string {
  // Most input is typed in ASCII already: testing is cheaper than replacing nothing.
  if (!NON_ASCII_DIGIT.test(s)) return s;
  return s.replace(/[\u06f0-\u06f9\u0660-\u0669]/g, (digit) => {
    const code = digit.charCodeAt(0);
    const zero = code >= PERSIAN_ZERO ? PERSIAN_ZERO : ARABIC_INDIC_ZERO;
    return String(code - zero);
  });
}

/**
 * The Iranian national id (کد ملی): ten digits, the last a check digit over the first nine.
 * Ids of one repeated digit pass the checksum but are never issued, so they are refused.
 */
export function isValidIranianNationalId(id: string): boolean {
  const digits = normalizeDigits(id);
  if (!/^[0-9]{10}$/.test(digits) || /^(\d)\1{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const r = sum % 11;
  return Number(digits[9]) === (r < 2 ? r : 11 - r);
}

/** The canonical form to store and compare (ASCII digits, surrounding whitespace dropped), or undefined if invalid. */
export function normalizeNationalId(input: string): string | undefined {
  const digits = normalizeDigits(input.trim());
  return isValidIranianNationalId(digits) ? digits : undefined;
}
