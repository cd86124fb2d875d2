import SwaggerParser from '@apidevtools/swagger-parser';
import { startTestApp, type TestApp } from './support/test-app.js';

interface Operation {
  readonly operationId?: string;
  readonly security?: readonly Record<string, unknown>[];
  readonly responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
  readonly parameters?: readonly { name: string; in: string; required?: boolean }[];
}
type Document = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  security?: readonly Record<string, unknown>[];
  components?: { securitySchemes?: Record<string, unknown> };
};

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);

describe('/openapi.json', () => {
  let t: TestApp;
  let document: Document;
  const operations = () =>
    Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => METHODS.has(method))
        .map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, operation })),
    );

  beforeAll(async () => {
    t = await startTestApp();
    const res = await t.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    document = res.json();
  });
  afterAll(() => t.close());

  it('is a valid OpenAPI 3.1 document, by a validator written elsewhere', async () => {
    expect(document.openapi).toMatch(/^3\.1\./);
    // validate() dereferences in place: hand it a copy.
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
  });

  it('fails validation when the document is broken, e.g. an error schema is missing', async () => {
    const broken = structuredClone(document) as Document & {
      components: { schemas: Record<string, unknown> };
    };
    delete broken.components.schemas['Problem'];
    await expect(SwaggerParser.validate(broken as never)).rejects.toThrow(/Problem/);
  });

  it('names operations by their use case: unique camelCase ids, no controller names', () => {
    const ids = operations().map(({ name, operation }) => [name, operation.operationId] as const);
    const badlyNamed = ids.filter(
      ([, id]) => !id || !/^[a-z][a-zA-Z0-9]*$/.test(id) || /Controller/.test(id),
    );
    expect(badlyNamed).toEqual([]);
    const seen = new Map<string, string[]>();
    for (const [name, id] of ids) seen.set(id!, [...(seen.get(id!) ?? []), name]);
    const duplicated = [...seen].filter(([, names]) => names.length > 1);
    expect(duplicated).toEqual([]);
  });

  it('declares every security scheme an operation names', () => {
    const declared = Object.keys(document.components?.securitySchemes ?? {});
    const named = new Set(
      [
        ...(document.security ?? []),
        ...operations().flatMap(({ operation }) => operation.security ?? []),
      ].flatMap((requirement) => Object.keys(requirement)),
    );
    expect(named.size).toBeGreaterThan(0);
    expect([...named].filter((scheme) => !declared.includes(scheme))).toEqual([]);
    expect(declared).toEqual(expect.arrayContaining(['bearer', 'ApiKey']));
  });

  it('answers every error with the one Problem schema', () => {
    const errors = operations().flatMap(({ name, operation }) =>
      Object.entries(operation.responses ?? {})
        .filter(([status]) => /^[45]/.test(status))
        .map(([status, response]) => ({ at: `${name} ${status}`, content: response.content })),
    );
    expect(errors.length).toBeGreaterThan(50);
    const otherwise = errors.filter(
      ({ content }) =>
        Object.keys(content ?? {}).join() !== 'application/problem+json' ||
        (content!['application/problem+json']!.schema as { $ref?: string }).$ref !==
          '#/components/schemas/Problem',
    );
    expect(otherwise.map(({ at }) => at)).toEqual([]);
  });

  it('offers the optional Daftar-Purpose header on every read the citizen’s access log records', () => {
    const recorded = [
      'GET /permits/{id}',
      'GET /permits/{id}/timeline',
      'GET /permits/{id}/attachments/{sha256}',
      'GET /documents/{code}/content.json',
      'GET /documents/{code}/signature.p7s',
      'GET /inquiries/{id}',
      'GET /parcels/{renewalCode}',
      'GET /parcels/{renewalCode}/debts',
      'GET /users/{id}',
    ];
    const offering = operations()
      .filter(({ operation }) =>
        operation.parameters?.some((p) => p.in === 'header' && p.name === 'Daftar-Purpose' && !p.required),
      )
      .map(({ name }) => name);
    expect(offering).toEqual(expect.arrayContaining(recorded));
  });

  it('types every successful answer that has a body', () => {
    const untyped = operations().flatMap(({ name, operation }) =>
      Object.entries(operation.responses ?? {})
        .filter(([status]) => /^2/.test(status) && status !== '204')
        .filter(([, response]) => !Object.values(response.content ?? {}).some((media) => media.schema))
        .map(([status]) => `${name} ${status}`),
    );
    expect(untyped).toEqual([]);
  });
});
