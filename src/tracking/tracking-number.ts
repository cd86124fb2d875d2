import { createHash } from 'node:crypto';
import { isValidIranianNationalId } from '../identity/national-id.js';

/**
 * A tracking number (کد رهگیری): ten digits, the first not zero, the last a Verhoeff check digit, which
 * catches every single mistyped digit and every swap of two neighbours. The nine others come from a
 * hash of the file's stream and an attempt counter: the same file always gets the same number (a
 * repeated inquiry filing finds its own), and numbers follow no sequence anyone could guess. A national
 * id (کد ملی) is ten digits too: no tracking number is a valid one, so neither is taken for the other.
 */
export const TRACKING_NUMBER = /^[1-9]\d{9}$/;

const BODY_SPAN = 900_000_000n;
const BODY_FLOOR = 100_000_000n;

// Verhoeff's tables: multiplication in the dihedral group D5, the position permutation, the inverse.
const D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
] as const;
const P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
] as const;
const INVERSE = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9] as const;

/** Verhoeff's checksum over `digits`, the rightmost at position `offset`. */
function checksum(digits: string, offset: number): number {
  let c = 0;
  for (let i = 0; i < digits.length; i += 1) {
    const digit = Number(digits[digits.length - 1 - i]);
    c = D[c]![P[(i + offset) % 8]![digit]!]!;
  }
  return c;
}

export const verhoeffCheckDigit = (digits: string): string => String(INVERSE[checksum(digits, 1)]);

/** The number a file's stream gets on its `attempt`-th try (0 first; the next when one is taken). */
export function trackingNumberFor(stream: string, attempt: number): string {
  // About one number in ten is also a valid national id: hashing again skips it, as deterministically.
  for (let round = 0; ; round += 1) {
    const hash = createHash('sha256').update(`${stream}:${attempt}:${round}`).digest('hex');
    const body = String(BODY_FLOOR + (BigInt(`0x${hash}`) % BODY_SPAN));
    const candidate = body + verhoeffCheckDigit(body);
    if (!isValidIranianNationalId(candidate)) return candidate;
  }
}

/** Ten digits, no leading zero, a check digit that holds, and no valid national id. */
export function isTrackingNumber(text: string): boolean {
  return TRACKING_NUMBER.test(text) && checksum(text, 0) === 0 && !isValidIranianNationalId(text);
}
