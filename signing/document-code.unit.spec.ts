import fc from 'fast-check';
import { documentCodeFrom, parseDocumentCode } from './document-code.js';

const CHECK_SYMBOLS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U';
/** Every code that differs from `code` in one symbol, the check symbol included. */
const singleChanges = (code: string) =>
  [...code].flatMap((original, i) =>
    [...CHECK_SYMBOLS].filter((s) => s !== original).map((s) => code.slice(0, i) + s + code.slice(i + 1)),
  );
const codes = fc.uint8Array({ minLength: 7, maxLength: 16 }).map(documentCodeFrom);

describe('document codes', () => {
  it('takes 50 bits big-endian and appends the mod-37 check symbol', () => {
    expect(documentCodeFrom(new Uint8Array(7))).toBe('00000000000');
    // 0xff… gives ten Z (31); 2^50 - 1 ≡ 29 (mod 37), symbol X.
    expect(documentCodeFrom(new Uint8Array(7).fill(0xff))).toBe('ZZZZZZZZZZX');
    // 0x08 0x86 0x42 0x98 0xe0 … → 1 2 3 4 5 6 7 0 0 0, which is ≡ 31 (mod 37), symbol Z.
    expect(documentCodeFrom(Uint8Array.of(0x08, 0x86, 0x42, 0x98, 0xe0, 0, 0, 0xff))).toBe('1234567000Z');
  });

  it("keeps a new code's check symbol within the 32 symbols: never * ~ $ = or U", () => {
    fc.assert(fc.property(codes, (code) => /^[0-9A-HJKMNP-TV-Z]{11}$/.test(code)));
    // 0000000013 is 35, once checked with =; it is lowered by 4 to 31, 000000000Z, checked with Z.
    expect(documentCodeFrom(Uint8Array.of(0, 0, 0, 0, 0, 0x08, 0xc0))).toBe('000000000ZZ');
    // 0000000014 is 36 (U), lowered by 5: 000000000Z again.
    expect(documentCodeFrom(Uint8Array.of(0, 0, 0, 0, 0, 0x09, 0))).toBe('000000000ZZ');
  });

  it.each(['77DB244B58=', '0000000010*', '0000000011~', '0000000012$', '0000000013=', '0000000014U'])(
    'still reads %p, issued under the symbols beyond the alphabet',
    (old) => {
      expect(parseDocumentCode(old)).toBe(old);
      expect(parseDocumentCode(old.toLowerCase())).toBe(old);
      expect(parseDocumentCode(`${old.slice(0, 5)}-${old.slice(5)}`)).toBe(old);
      expect(singleChanges(old).filter((changed) => parseDocumentCode(changed) !== undefined)).toEqual([]);
    },
  );

  it('refuses fewer than 7 bytes of entropy', () => {
    expect(() => documentCodeFrom(new Uint8Array(6))).toThrow(/at least 7/);
  });

  it('parses every code it makes, unchanged', () => {
    fc.assert(fc.property(codes, (code) => parseDocumentCode(code) === code));
  });

  it('normalises case, separators and the look-alikes I, L and O', () => {
    expect(parseDocumentCode('12345-67000-z')).toBe('1234567000Z');
    expect(parseDocumentCode(' i234567ooo z ')).toBe('1234567000Z');
    expect(parseDocumentCode('L234567OOOz')).toBe('1234567000Z');
    // 0000000014 is 36: the check symbol U, which may also be typed in lower case.
    expect(parseDocumentCode('00000 00014 u')).toBe('0000000014U');
  });

  it.each(['', '1234567000', '1234567000ZZ', '1234567U00Z', '12345670#0Z', '1234567000*', 'x'.repeat(500)])(
    'refuses %p',
    (input) => {
      expect(parseDocumentCode(input)).toBeUndefined();
    },
  );

  it('detects every single wrong symbol', () => {
    fc.assert(
      fc.property(codes, (code) =>
        singleChanges(code).every((changed) => parseDocumentCode(changed) === undefined),
      ),
    );
  });

  it('detects every swap of two different neighbouring symbols', () => {
    fc.assert(
      fc.property(codes, (code) => {
        for (let i = 0; i + 1 < code.length; i++) {
          if (code[i] === code[i + 1]) continue;
          const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
          if (parseDocumentCode(swapped) !== undefined) return false;
        }
        return true;
      }),
    );
  });
});
