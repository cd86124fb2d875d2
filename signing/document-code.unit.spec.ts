import fc from 'fast-check';
import { documentCodeFrom, parseDocumentCode } from './document-code.js';

const CHECK_SYMBOLS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U';
const codes = fc.uint8Array({ minLength: 7, maxLength: 16 }).map(documentCodeFrom);

describe('document codes', () => {
  it('takes 50 bits big-endian and appends the mod-37 check symbol', () => {
    expect(documentCodeFrom(new Uint8Array(7))).toBe('00000000000');
    // 0xff… gives ten Z (31); 2^50 - 1 ≡ 29 (mod 37), symbol X.
    expect(documentCodeFrom(new Uint8Array(7).fill(0xff))).toBe('ZZZZZZZZZZX');
    // 0x08 0x86 0x42 0x98 0xe0 … → 1 2 3 4 5 6 7 0 0 0, which is ≡ 31 (mod 37), symbol Z.
    expect(documentCodeFrom(Uint8Array.of(0x08, 0x86, 0x42, 0x98, 0xe0, 0, 0, 0xff))).toBe('1234567000Z');
  });

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
      fc.property(codes, (code) => {
        for (let i = 0; i < code.length; i++) {
          for (const symbol of CHECK_SYMBOLS) {
            if (symbol === code[i]) continue;
            const changed = code.slice(0, i) + symbol + code.slice(i + 1);
            if (parseDocumentCode(changed) !== undefined) return false;
          }
        }
        return true;
      }),
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
