import fc, { type Arbitrary } from 'fast-check';
import { anyText, deeplyNested, edgeText, SchemaArbitraries, type Schema } from './schema-arbitraries.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required?: boolean;
  readonly schema?: Schema;
}

interface OperationObject {
  readonly parameters?: readonly Parameter[];
  readonly requestBody?: { readonly content: Readonly<Record<string, { schema?: Schema }>> };
  readonly responses?: Readonly<Record<string, { content?: object }>>;
  readonly 'x-daftar-access'?: { public?: true; authenticated?: true; roles?: readonly string[] };
}

export interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, OperationObject>>>>;
  readonly components: { readonly schemas: Readonly<Record<string, Schema>> };
}

export interface Operation {
  readonly method: Method;
  readonly path: string;
  readonly name: string;
  readonly operation: OperationObject;
  /** Server-Sent Events: the answer lasts as long as it is read. */
  readonly streams: boolean;
}

/** One generated request, as sent; `caller` is a name the runner turns into credentials. */
export interface FuzzRequest {
  readonly method: Method;
  readonly url: string;
  readonly caller: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly payload?: string | Buffer;
  /** What the body was meant to test, for the reproducer. */
  readonly body: string;
}

export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({
      method: method.toUpperCase() as Method,
      path,
      name: `${method.toUpperCase()} ${path}`,
      operation,
      streams: 'text/event-stream' in (operation.responses?.['200']?.content ?? {}),
    })),
  );
}

/** The callers the route admits (most runs) and all callers (the rest: the guard is fuzzed too). */
export function callerArbitrary(operation: Operation, roleCallers: readonly string[]): Arbitrary<string> {
  const all = ['anonymous', 'forged', ...roleCallers];
  const access = operation.operation['x-daftar-access'] ?? {};
  const admitted = access.public
    ? all
    : access.authenticated
      ? roleCallers
      : roleCallers.filter((caller) =>
          access.roles?.some((role) => caller === role || caller === `apikey:${role}`),
        );
  return admitted.length === 0
    ? fc.constantFrom(...all)
    : fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...admitted) },
        { weight: 1, arbitrary: fc.constantFrom(...all) },
      );
}

/** Path segments and query values a client could send, percent-encoding included or broken. */
const RAW_URL_PIECES = [
  '%',
  '%zz',
  '%ED%A0%80',
  '%C0%AF',
  '%00',
  '..%2F..%2F',
  '%2e%2e',
  '%E2%80%AE',
  '%FF%FE',
];

/** Header values as HTTP carries them: visible Latin-1, Persian only percent-encoded or as raw UTF-8 bytes. */
const headerValue: Arbitrary<string> = fc.oneof(
  fc.constantFrom('*', '"0"', 'W/"1"', '"-1"', '"99999999999999999999"', '', 'null', '0', '%D9%A1%D9%A2'),
  edgeText.map((text) =>
    [...Buffer.from(text, 'utf8').toString('latin1')]
      .map((char) => (char === '\t' || (char >= ' ' && char !== '\x7f') ? char : '?'))
      .join(''),
  ),
  edgeText.map(percentEncode),
  fc.constantFrom(8_000).map((n) => 'x'.repeat(n)),
  fc.string({ unit: fc.constantFrom(...'ab0"*,; \tW/\u00e9\u00ff'), maxLength: 30 }),
);

const contentTypes = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'application/JSON',
  'application/problem+json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  '*/*',
  'application/json;;;',
);

/** Bodies no schema describes: not JSON, half JSON, JSON the parser should refuse, JSON in the wrong encoding. */
const rawBody: Arbitrary<{ payload: string | Buffer; description: string }> = fc.oneof(
  fc
    .constantFrom(
      '',
      '{',
      '{"a":',
      'null',
      '[]',
      '"text"',
      '42',
      '{"a":1e309}',
      '{"a":1,"a":2}',
      '{"__proto__":{"polluted":true}}',
      '{"constructor":{"prototype":{"polluted":true}}}',
      '\uFEFF{}',
      'NaN',
      'a=1&b=2',
    )
    .map((payload) => ({ payload, description: JSON.stringify(payload) })),
  fc.constantFrom(1_000, 100_000).map((depth) => ({
    payload: '['.repeat(depth) + ']'.repeat(depth),
    description: `${depth} nested arrays`,
  })),
  fc.constant({
    payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
    description: 'invalid UTF-8',
  }),
  fc.constant({ payload: Buffer.from('{"a":"ب"}', 'utf16le'), description: 'UTF-16 JSON' }),
  edgeText.map((text) => ({ payload: text, description: JSON.stringify(text) })),
);

export function requestArbitrary(
  operation: Operation,
  schemas: SchemaArbitraries,
  roleCallers: readonly string[],
): Arbitrary<FuzzRequest> {
  const parameters = operation.operation.parameters ?? [];
  const byPlace = (place: Parameter['in']) => parameters.filter((p) => p.in === place);
  const jsonSchema = operation.operation.requestBody?.content['application/json']?.schema;
  const paramValue = (p: Parameter) =>
    fc.oneof(
      {
        weight: 3,
        arbitrary: schemas
          .valid(p.schema ?? { type: 'string' })
          .map(asText)
          .map(percentEncode),
      },
      { weight: 2, arbitrary: anyText.map(percentEncode) },
      { weight: 1, arbitrary: fc.constantFrom(...RAW_URL_PIECES) },
    );
  const path = fc
    .tuple(...byPlace('path').map((p) => paramValue(p).map((value) => [p.name, value] as const)))
    .map((pairs) => pairs.reduce((url, [name, value]) => url.replace(`{${name}}`, value), operation.path));
  const query = fc
    .tuple(
      ...byPlace('query').map((p) =>
        fc.option(
          fc
            .array(paramValue(p), { minLength: 1, maxLength: 2 })
            .map((values) => values.map((v) => `${p.name}=${v}`)),
          {
            freq: p.required ? 8 : 2,
          },
        ),
      ),
      fc.option(
        edgeText.map((text) => [`${percentEncode(text)}=${percentEncode(text)}`]),
        { freq: 4 },
      ),
    )
    .map((pieces) => pieces.flatMap((piece) => piece ?? []).join('&'));
  const headers = fc
    .tuple(
      ...byPlace('header').map((p) =>
        fc.option(
          headerValue.map((value) => [p.name.toLowerCase(), value] as const),
          { freq: p.required ? 8 : 2 },
        ),
      ),
    )
    .map((pairs) => Object.fromEntries(pairs.filter((pair) => pair !== null)));
  const json = (value: Arbitrary<unknown>, what: string) =>
    fc.tuple(value, fc.option(contentTypes, { freq: 6 })).map(([v, type]) => ({
      payload: JSON.stringify(v) ?? 'null',
      contentType: type ?? 'application/json',
      description: what,
    }));
  const body = fc.oneof(
    ...(jsonSchema
      ? [
          { weight: 3, arbitrary: json(schemas.valid(jsonSchema), 'valid-shaped') },
          { weight: 5, arbitrary: json(schemas.malformed(jsonSchema), 'malformed') },
        ]
      : [{ weight: 1, arbitrary: json(deeplyNested, 'unexpected') }]),
    {
      weight: 2,
      arbitrary: fc
        .tuple(rawBody, fc.option(contentTypes, { freq: 6 }))
        .map(([raw, type]) => ({ ...raw, contentType: type ?? undefined })),
    },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
  return fc
    .tuple(callerArbitrary(operation, roleCallers), path, query, headers, body)
    .map(([caller, url, q, hs, b]) => ({
      method: operation.method,
      url: q ? `${url}?${q}` : url,
      caller,
      headers: { ...hs, ...(b?.contentType ? { 'content-type': b.contentType } : {}) },
      ...(b ? { payload: b.payload } : {}),
      body: b ? `${b.description}: ${preview(b.payload)}` : '(none)',
    }));
}

/** Percent-encodes as UTF-8; a lone surrogate becomes its (invalid) three bytes, as a careless client sends it. */
export function percentEncode(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (/[A-Za-z0-9\-_.~]/.test(char)) out += char;
    else if (code >= 0xd800 && code <= 0xdfff)
      out +=
        `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
    else out += encodeURIComponent(char);
  }
  return out;
}

function asText(value: unknown): string {
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function preview(payload: string | Buffer): string {
  const text =
    typeof payload === 'string'
      ? JSON.stringify(payload)
      : `<${payload.length} bytes ${payload.toString('hex').slice(0, 80)}>`;
  return text.length > 160 ? `${text.slice(0, 160)}… (${text.length} chars)` : text;
}
