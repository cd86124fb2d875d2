import { documentCodeFrom, parseDocumentCode } from './document-code.js';

// Check symbols worked out by hand (SEAL.md): the ten symbols as a base-32 number, Horner's rule mod 37,
// the remainder written in 0123456789 ABCDEFGH J K M N P Q R S T V W X Y Z (A = 10, H = 17, J = 18, Z = 31).
const KNOWN_CODES = [
  // 1 ≡ 1.
  '00000000011',
  // 32² = 1024 = 27·37 + 25: S.
  '0000000100S',
  // D A F T A R = 13 10 15 26 10 24: 13 → 426 ≡ 19 → 623 ≡ 31 → 1018 ≡ 19 → 618 ≡ 26 → 856 ≡ 5.
  '0000DAFTAR5',
  // H A M E D A N 1 2 3: 17 → 554 ≡ 36 → 1172 ≡ 25 → 814 ≡ 0 → 13 → 426 ≡ 19 → 629 ≡ 0 → 1 → 34 → 1091 ≡ 18: J.
  'HAMEDAN123J',
  // K A V E H 0 0 0 0 7 = 680441501712391 = 18390310857091·37 + 24: R.
  'KAVEH00007R',
  // Z 3 = 31·32 + 3 = 995 = 26·37 + 33: the extended symbol ~ of codes issued before new ones avoided it.
  '00000000Z3~',
];
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U';

describe('document codes: known answers', () => {
  it.each(KNOWN_CODES)('reads %s, with its check symbol', (code) => {
    expect(parseDocumentCode(code)).toBe(code);
  });

  it.each(KNOWN_CODES)('refuses %s with any one symbol changed', (code) => {
    for (let i = 0; i < code.length; i++) {
      for (const symbol of ALPHABET.replace(code[i]!, '')) {
        expect(parseDocumentCode(code.slice(0, i) + symbol + code.slice(i + 1))).toBeUndefined();
      }
    }
  });

  it('makes HAMEDAN123J from its 50 bits, 10001 01010 10100 01110 01101 01010 10101 00001 00010 00011', () => {
    expect(documentCodeFrom(Uint8Array.of(0x8a, 0xa8, 0xe6, 0xaa, 0xa1, 0x10, 0xc0))).toBe('HAMEDAN123J');
  });

  it('lowers 00000000Z3 (≡ 33) by 2 to 00000000Z1, 993 ≡ 31: Z', () => {
    expect(documentCodeFrom(Uint8Array.of(0, 0, 0, 0, 0, 0xf8, 0xc0))).toBe('00000000Z1Z');
  });
});
