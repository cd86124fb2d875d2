import fc, { type Arbitrary } from 'fast-check';

/** The part of JSON Schema (as @nestjs/swagger writes it into /openapi.json) the fuzz reads. */
export interface Schema {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly example?: unknown;
  readonly format?: string;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly items?: Schema;
  readonly allOf?: readonly Schema[];
  readonly oneOf?: readonly Schema[];
  readonly anyOf?: readonly Schema[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly maxLength?: number;
  readonly additionalProperties?: boolean | Schema;
}

/**
 * Strings at the edges of Unicode as Persian text meets them: RTL mark (U+200F) and right-to-left
 * override (U+202E), zero-width joiner and non-joiner, BOM, Persian (۰-۹) and Arabic-Indic (٠-٩)
 * digits, Arabic yeh/kaf beside the Persian ی/ک, lone surrogates, NUL, line separators, and the
 * usual injection shapes.
 */
export const UNICODE_EDGES = [
  '\u200F',
  '\u202E',
  '\u200D',
  '\u200C',
  '\uFEFF',
  '۰۱۲۳۴۵۶۷۸۹',
  '٠١٢٣٤٥٦٧٨٩',
  'علي كريمي',
  'علی کریمی',
  '\uD800',
  '\uDFFF',
  '\uDBFF\uDBFF',
  '\u0000',
  '\u2028\u2029',
  '\r\n',
  'e\u0301\u0301\u0301',
  '👨‍👩‍👧',
  '../../etc/passwd',
  '%00',
  "'; DROP TABLE events; --",
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  '${7*7}',
  '',
  ' ',
];

const DIGITS = ['0123456789', '۰۱۲۳۴۵۶۷۸۹', '٠١٢٣٤٥٦٧٨٩'];

/** Number-like text in any of the three digit sets, mixed: national ids, mobiles, renewal codes, years. */
export const digitsText: Arbitrary<string> = fc
  .array(
    fc
      .tuple(fc.nat(2), fc.array(fc.nat(9), { minLength: 1, maxLength: 11 }))
      .map(([set, ds]) => ds.map((d) => [...DIGITS[set]!][d]).join('')),
    { minLength: 1, maxLength: 7 },
  )
  .chain((parts) => fc.constantFrom('-', '', '/', '\u200F-').map((sep) => parts.join(sep)));

export const edgeText: Arbitrary<string> = fc
  .array(fc.oneof(fc.constantFrom(...UNICODE_EDGES), fc.string({ unit: 'binary', maxLength: 6 })), {
    minLength: 1,
    maxLength: 6,
  })
  .map((parts) => parts.join(''));

/** Long enough to pass column limits, field limits and (the last ones) the 1 MiB body limit. */
export const oversizedText: Arbitrary<string> = fc.oneof(
  fc
    .tuple(fc.constantFrom(300, 5_000, 70_000), fc.constantFrom('a', 'ب', '۱', '\u200D', '👨‍👩‍👧'))
    .map(([n, unit]) => unit.repeat(n)),
  fc.constant('a'.repeat(1_100_000)),
);

/** Text for a free string field: edges, digits, any grapheme, now and then a few thousand characters. */
export const anyText: Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: edgeText },
  { weight: 2, arbitrary: digitsText },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom(300, 5_000).map((n) => 'ی\u200C'.repeat(n)) },
);

const edgeNumber: Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -1, 1, 0.5, -0.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 53), 1e308, -1e308, 5e-324),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const anyJsonValue: Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  edgeNumber,
  anyText,
  fc.constant([]),
  fc.constant({}),
  fc.array(edgeText, { maxLength: 3 }),
  fc.dictionary(edgeText, edgeText, { maxKeys: 3 }),
);

/** Nested `depth` levels deep, as arrays or objects: for stack-bound validators and mappers. */
export const deeplyNested: Arbitrary<unknown> = fc
  .tuple(fc.constantFrom(64, 1_000, 3_000), fc.boolean())
  .map(([depth, asArrays]) => {
    let value: unknown = 'bottom';
    for (let i = 0; i < depth; i++) value = asArrays ? [value] : { a: value };
    return value;
  });

const oversizedArray: Arbitrary<unknown[]> = fc
  .tuple(fc.constantFrom(1_000, 50_000), fc.oneof(fc.constant(null), edgeNumber, edgeText))
  .map(([n, item]) => Array.from({ length: n }, () => item));

export class SchemaArbitraries {
  constructor(private readonly components: Readonly<Record<string, Schema>>) {}

  resolve(schema: Schema): Schema {
    if (!schema.$ref) return schema;
    const name = schema.$ref.replace('#/components/schemas/', '');
    return this.resolve(this.components[name] ?? {});
  }

  /** Values the schema describes, with Unicode-edge text wherever a string is free. */
  valid(schema: Schema, depth = 0): Arbitrary<unknown> {
    const s = this.resolve(schema);
    if (s.allOf?.length) return this.valid(merge(s.allOf.map((part) => this.resolve(part))), depth);
    const variants = s.oneOf ?? s.anyOf;
    if (variants?.length) return fc.oneof(...variants.map((v) => this.valid(v, depth + 1)));
    if (s.enum?.length) return fc.constantFrom(...s.enum);
    const example = s.example === undefined ? [] : [{ weight: 2, arbitrary: fc.constant(s.example) }];
    switch (typeOf(s)) {
      case 'string':
        return fc.oneof(...example, { weight: 3, arbitrary: anyText });
      case 'number':
      case 'integer':
        return fc.oneof(
          ...example,
          { weight: 3, arbitrary: fc.integer({ min: s.minimum ?? -10, max: s.maximum ?? 10_000 }) },
          { weight: 1, arbitrary: edgeNumber },
        );
      case 'boolean':
        return fc.boolean();
      case 'array':
        return depth > 4 ? fc.constant([]) : fc.array(this.valid(s.items ?? {}, depth + 1), { maxLength: 3 });
      case 'object':
        return depth > 4 ? fc.constant({}) : this.validObject(s, depth);
      default:
        return anyJsonValue;
    }
  }

  /**
   * Values the schema refuses, or that test its limits: a wrong type, a missing required field, an
   * unknown field, an oversized string or array, deep nesting, here or in one nested field.
   */
  malformed(schema: Schema, depth = 0): Arbitrary<unknown> {
    const s = this.resolve(schema);
    const own: Arbitrary<unknown>[] = [
      wrongTypeFor(typeOf(s)),
      oversizedText,
      oversizedArray,
      deeplyNested,
      edgeText,
    ];
    const type = typeOf(s);
    if (type === 'object' && s.properties && depth < 4) {
      const keys = Object.keys(s.properties);
      const valid = this.validObject(s, depth);
      if (keys.length > 0) {
        own.push(
          fc.tuple(valid, fc.constantFrom(...keys)).chain(([value, key]) =>
            this.malformed(s.properties![key]!, depth + 1).map((bad) => ({
              ...(value as object),
              [key]: bad,
            })),
          ),
        );
      }
      if (s.required?.length) {
        own.push(
          fc.tuple(valid, fc.constantFrom(...s.required)).map(([value, key]) => {
            const copy = { ...(value as Record<string, unknown>) };
            delete copy[key];
            return copy;
          }),
        );
      }
      own.push(
        fc
          .tuple(
            valid,
            fc.dictionary(
              fc.oneof(edgeText, fc.constantFrom('constructor', 'prototype', 'toString')),
              anyJsonValue,
              { minKeys: 1, maxKeys: 3 },
            ),
          )
          .map(([value, extra]) => ({ ...(value as object), ...extra })),
      );
    }
    if (type === 'array' && depth < 4) {
      own.push(fc.array(this.malformed(s.items ?? {}, depth + 1), { minLength: 1, maxLength: 2 }));
    }
    return fc.oneof(...own);
  }

  private validObject(s: Schema, depth: number): Arbitrary<unknown> {
    const properties = s.properties ?? {};
    const model = Object.fromEntries(
      Object.entries(properties).map(([key, property]) => [key, this.valid(property, depth + 1)]),
    );
    return fc.record(model, { requiredKeys: (s.required ?? []).filter((key) => key in properties) });
  }
}

function typeOf(s: Schema): string | undefined {
  if (Array.isArray(s.type)) return s.type.find((t) => t !== 'null');
  if (typeof s.type === 'string') return s.type;
  return s.properties ? 'object' : s.items ? 'array' : undefined;
}

function merge(parts: readonly Schema[]): Schema {
  return parts.reduce<Schema>(
    (all, part) => ({
      ...all,
      ...part,
      properties: { ...all.properties, ...part.properties },
      required: [...(all.required ?? []), ...(part.required ?? [])],
    }),
    {},
  );
}

function wrongTypeFor(type: string | undefined): Arbitrary<unknown> {
  const all: Record<string, Arbitrary<unknown>> = {
    string: anyText,
    number: edgeNumber,
    boolean: fc.boolean(),
    null: fc.constant(null),
    array: fc.array(anyJsonValue, { maxLength: 3 }),
    object: fc.dictionary(edgeText, anyJsonValue, { maxKeys: 3 }),
  };
  const numeric = type === 'integer' || type === 'number';
  return fc.oneof(
    ...Object.entries(all)
      .filter(([name]) => name !== type && !(numeric && name === 'number'))
      .map(([, arbitrary]) => arbitrary),
  );
}
