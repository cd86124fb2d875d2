// Crockford's base 32: no I, L, O (read as 1, 1, 0) and no U; the check symbol adds * ~ $ = U for 32..36.
const SYMBOLS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CHECK_SYMBOLS = `${SYMBOLS}*~$=U`;
const DATA_LENGTH = 10;
const MIN_ENTROPY_BYTES = 7;
const MODULUS = 37;

/**
 * A document code (شماره سند): 10 Crockford base-32 symbols (50 bits) taken from the first bytes
 * of `bytes`, then Crockford's check symbol, the 50-bit number modulo 37. As 37 is prime and
 * neither 32 nor 31 is a multiple of it, every single wrong symbol and every swap of two
 * neighbouring symbols changes the check.
 *
 * New codes keep their check symbol within the 32 symbols: `* ~ $ =` are neutral in a right-to-left
 * line and jump to the front of the code on paper. A number whose remainder is 32 to 36 is lowered to
 * the one just below with remainder 31 (check `Z`), so codes already issued with those symbols
 * keep parsing under the same check and no code changes meaning.
 */
export function documentCodeFrom(bytes: Uint8Array): string {
  if (bytes.length < MIN_ENTROPY_BYTES) {
    throw new Error(`A document code needs at least ${MIN_ENTROPY_BYTES} random bytes, got ${bytes.length}`);
  }
  let value = 0;
  for (let i = 0; i < DATA_LENGTH; i++) value = value * 32 + fiveBitsAt(bytes, i * 5);
  const remainder = value % MODULUS;
  if (remainder >= SYMBOLS.length) value -= remainder - (SYMBOLS.length - 1);
  let data = '';
  for (let i = 0; i < DATA_LENGTH; i++, value = Math.floor(value / 32)) data = SYMBOLS[value % 32] + data;
  return data + checkSymbol(data);
}

/**
 * The canonical code typed or scanned as `input`: case-insensitive, I and L read as 1, O as 0,
 * hyphens and spaces ignored. Undefined when the length, a symbol or the check symbol is wrong.
 */
export function parseDocumentCode(input: string): string | undefined {
  if (typeof input !== 'string' || input.length > 40) return undefined;
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (code.length !== DATA_LENGTH + 1) return undefined;
  const data = code.slice(0, DATA_LENGTH);
  if ([...data].some((symbol) => !SYMBOLS.includes(symbol))) return undefined;
  return code.slice(DATA_LENGTH) === checkSymbol(data) ? code : undefined;
}

function checkSymbol(data: string): string {
  let remainder = 0;
  for (const symbol of data) remainder = (remainder * 32 + SYMBOLS.indexOf(symbol)) % MODULUS;
  return CHECK_SYMBOLS[remainder]!;
}

function fiveBitsAt(bytes: Uint8Array, bitOffset: number): number {
  let value = 0;
  for (let bit = bitOffset; bit < bitOffset + 5; bit++) {
    value = (value << 1) | ((bytes[bit >> 3]! >> (7 - (bit & 7))) & 1);
  }
  return value;
}
