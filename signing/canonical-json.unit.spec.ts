import { canonicalJson } from './canonical-json.js';

function fromIeee754(hex: string): number {
  return Buffer.from(hex, 'hex').readDoubleBE(0);
}

describe('canonicalJson (RFC 8785)', () => {
  it('serialises the RFC 8785 §3.2.2 example', () => {
    // The RFC's JSON text verbatim: parsing it rounds 333333333.33333329 as any JSON reader would.
    const input: unknown = JSON.parse(String.raw`{
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
      "literals": [null, true, false]
    }`);
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts keys by UTF-16 code units (RFC 8785 §3.2.3 example)', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control",' +
        '"\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign",' +
        '"\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it.each([
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['0000000000000001', '5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['41b3de4355555555', '333333333.3333333'],
  ])('writes the IEEE 754 number %s as %s (RFC 8785 Appendix B)', (hex, expected) => {
    expect(canonicalJson(fromIeee754(hex))).toBe(expected);
  });

  it.each([
    [1e21, '1e+21'],
    [-0, '0'],
    [4.5, '4.5'],
    [2e-7, '2e-7'],
    [100, '100'],
  ])('writes %p as %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('writes nested data without whitespace and keeps array order', () => {
    expect(canonicalJson({ b: [3, { z: 1, a: 'x' }], a: { d: null, c: true } })).toBe(
      '{"a":{"c":true,"d":null},"b":[3,{"a":"x","z":1}]}',
    );
  });

  it('keeps Persian text as UTF-8, not escaped', () => {
    expect(canonicalJson({ name: 'پروانه ساختمانی' })).toBe('{"name":"پروانه ساختمانی"}');
  });

  it.each([
    [{ a: Number.NaN }, /number NaN at \$\["a"\]/],
    [[Number.POSITIVE_INFINITY], /number Infinity at \$\[0\]/],
    [{ a: { b: undefined } }, /undefined at \$\["a"\]\["b"\]/],
    [{ a: [1, { '[0]': Number.NaN }] }, /NaN at \$\["a"\]\[1\]\["\[0\]"\] is/],
    [new Array(2), /undefined at \$\[0\]/],
    [() => 1, /a function at \$/],
    [{ n: 10n }, /a bigint at \$\["n"\]/],
    [{ s: Symbol('x') }, /a symbol/],
    [new Date(0), /instance of Date/],
    [{ bad: 'a\ud800b' }, /lone UTF-16 surrogate/],
  ])('refuses %p', (value, message) => {
    expect(() => canonicalJson(value)).toThrow(message);
  });
});
