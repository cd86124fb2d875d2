import fc from 'fast-check';
import { canonicalJson } from './canonical-json.js';

/**
 * RFC 8785 written the plain way, for comparison only: every object's own keys sorted by sort(), every
 * string and number as JSON.stringify writes it (which is JCS for well-formed text and finite numbers).
 */
function reference(value: unknown): string {
  if (typeof value === 'string') {
    if (/\p{Cs}/u.test(value)) throw new Error('lone surrogate');
    return JSON.stringify(value);
  }
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('not finite');
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .sort()
    .map((key) => `${reference(key)}:${reference(record[key])}`);
  return `{${members.join(',')}}`;
}

const anyCodeUnit = fc.nat(0xffff).map((unit) => String.fromCharCode(unit));
const text = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({
    unit: fc.constantFrom('"', '\\', '\u0000', '\u001f', '\u007f', '\u2028', 'é', 'ی', '😀', 'a'),
  }),
  // Mostly lone surrogates and escapes somewhere: both sides must refuse alike.
  fc.string({ unit: anyCodeUnit, maxLength: 4 }),
  fc.constantFrom('1', '10', '9', '__proto__', 'constructor', 'toString'),
);
const { json } = fc.letrec((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.integer(),
    text,
    tie('array'),
    tie('object'),
    tie('wideObject'),
  ),
  array: fc.array(tie('json'), { maxLength: 6 }),
  object: fc.dictionary(text, tie('json'), { maxKeys: 8 }),
  // More keys than the 16 that canonicalJson orders by insertion sort.
  wideObject: fc.dictionary(text, fc.integer(), { minKeys: 17, maxKeys: 40 }),
}));

function outcome(serialise: (value: unknown) => string, value: unknown): string | { refused: true } {
  try {
    return serialise(value);
  } catch {
    return { refused: true };
  }
}

describe('canonicalJson against a plain RFC 8785 reference', () => {
  it('writes every JSON value as the reference does, and refuses what it refuses', () => {
    fc.assert(
      fc.property(json, (value) => {
        expect(outcome(canonicalJson, value)).toEqual(outcome(reference, value));
      }),
      { numRuns: 3000 },
    );
  });
});
