import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_KEY_PERMISSIONS } from '../../src/identity/api-keys/api-key-permissions.js';
import { DEMO_PASSWORD, demoOrganisations, demoUsers } from '../../src/identity/demo/demo-data.js';
import { API_KEY_ROLE_OF_KIND } from '../../src/identity/organisations/organisation-roles.js';
import { ROLES, type Role } from '../../src/identity/roles.js';
import { call, signIn } from '../support/http.js';
import { signedInUser } from '../support/bootstrap-admin.js';
import { startTestApp, untilReady, type TestApp } from '../support/test-app.js';
import {
  accessDifferences,
  accessRows,
  parseAccessTable,
  renderAccessTable,
  type Access,
  type Method,
  type OpenApi,
} from './access-table.js';

const ACCESS_TABLE = join(__dirname, '../../docs/access.md');

interface Route {
  readonly method: Method;
  readonly path: string;
  readonly access: Access | undefined;
  /** Server-Sent Events: the answer lasts as long as it is read. */
  readonly streams: boolean;
}

/** An API key of a demo organisation, holding the one permission named. */
interface Key {
  readonly kind: string;
  readonly role: Role;
  readonly permission: string;
  readonly key: string;
}

/**
 * The routes' policies as published in /openapi.json must equal the reviewed table docs/access.md, so a
 * route widened or added shows in review. Every route is then called by an anonymous caller, by the demo
 * user of every role, by a clerk of another municipality, and by API keys of every organisation kind,
 * with and without the route's permission: the guard must answer as the policy says.
 */
describe('authorization matrix', () => {
  let t: TestApp;
  let routes: Route[];
  let spec: OpenApi;
  const tokens = new Map<string, string>();
  const keys: Key[] = [];

  beforeAll(async () => {
    t = await startTestApp({ env: { DAFTAR_DEMO_DATA: 'true' } });
    await untilReady(t.app);
    for (const user of demoUsers)
      tokens.set(user.username, await signIn(t.app, user.username, DEMO_PASSWORD));
    const admin = tokens.get('admin')!;
    await call(t.app, 'POST', '/municipalities', {
      token: admin,
      body: { code: 'tehran', name: 'Tehran', nameFa: 'تهران', regions: [{ code: '1', name: 'Region 1' }] },
    });
    tokens.set(
      'clerk of another municipality',
      (await signedInUser(t.app, 'clerk-tehran', [{ role: 'clerk', municipality: 'tehran' }])).token,
    );
    // One key per organisation kind and permission, so each route meets keys with and without its own.
    for (const organisation of demoOrganisations) {
      const role = API_KEY_ROLE_OF_KIND[organisation.kind];
      for (const permission of role ? API_KEY_PERMISSIONS : []) {
        const res = await call(t.app, 'POST', '/api-keys', {
          token: admin,
          body: { organisation: organisation.id, label: `matrix ${permission}`, permissions: [permission] },
        });
        if (res.statusCode !== 201) throw new Error(`POST /api-keys failed: ${res.statusCode} ${res.body}`);
        keys.push({
          kind: organisation.kind,
          role: role!,
          permission,
          key: (res.json() as { key: string }).key,
        });
      }
    }
    spec = (await call(t.app, 'GET', '/openapi.json')).json() as OpenApi;
    routes = Object.entries(spec.paths).flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, operation]) => ({
        method: method.toUpperCase() as Method,
        path,
        access: operation['x-daftar-access'],
        streams: 'text/event-stream' in (operation.responses?.['200']?.content ?? {}),
      })),
    );
  }, 60_000);
  afterAll(() => t.close());

  it('covers every role with a demo user', () => {
    expect(demoUsers.map((u) => u.username).sort()).toEqual([...ROLES].sort());
  });

  it('finds the routes, and every one declares who may call it', () => {
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.filter((r) => r.access === undefined).map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it('publishes every route the server answers but its own documentation, so none escapes the table', () => {
    // A parameter's name, or a wildcard's, is the documentation's business, not the route's.
    const shape = (route: string): string => route.replace(/\{[^}]+\}|:[A-Za-z0-9_]+|\*/g, '{}');
    const answered = serverRoutes(t.app as NestFastifyApplication);
    expect(answered.length).toBeGreaterThan(routes.length);
    const published = routes.map((r) => `${r.method} ${r.path}`);
    expect(answered.map(shape).sort()).toEqual([...published, ...API_DOCUMENTATION].map(shape).sort());
  });

  it('publishes exactly the policies of the reviewed access table docs/access.md', () => {
    const live = accessRows(spec);
    if (process.env['DAFTAR_WRITE_ACCESS_TABLE'] === 'true')
      writeFileSync(ACCESS_TABLE, renderAccessTable(live));
    expect(accessDifferences(parseAccessTable(readFileSync(ACCESS_TABLE, 'utf8')), live)).toEqual([]);
  });

  it('gives an engineering organisation no API keys, and keys of every other kind', async () => {
    const res = await call(t.app, 'POST', '/api-keys', {
      token: tokens.get('admin')!,
      body: { organisation: 'engineering-org-hamedan', label: 'matrix', permissions: ['inquiries:read'] },
    });
    expect([res.statusCode, res.json().code]).toEqual([400, 'API_KEY.ORGANISATION_KIND_NOT_ALLOWED']);
    expect(new Set(keys.map((k) => k.kind)).size).toBe(demoOrganisations.length - 1);
  });

  it('answers each caller as the route declares: 401 anonymous, 403 without the role, through the guard with it, never 500', async () => {
    const rows: string[] = [];
    for (const route of routes) {
      const { url, body } = probe(route);
      for (const caller of ['anonymous', ...tokens.keys()]) {
        const token = caller === 'anonymous' ? undefined : tokens.get(caller);
        const res = await call(t.app, route.method, url, {
          ...(token ? { token } : {}),
          ...(body ? { body } : {}),
        });
        const role =
          demoUsers.find((u) => u.username === caller)?.username ??
          (caller === 'anonymous' ? undefined : 'clerk');
        const expected = expectation(route.access!, role);
        const ok =
          res.statusCode < 500 &&
          (expected === 'through' ? !refusedByGuard(res.statusCode, res.body) : res.statusCode === expected);
        if (!ok)
          rows.push(
            `${route.method} ${route.path} as ${caller}: expected ${expected}, got ${res.statusCode} ${res.body}`,
          );
      }
    }
    expect(rows).toEqual([]);
  }, 120_000);

  it('serves an API key only where the route names its permission and its kind acts in a role of the route', async () => {
    const rows: string[] = [];
    for (const route of routes) {
      const { url, body } = probe(route);
      for (const key of keysFor(route.access!, keys)) {
        const res = await call(t.app, route.method, url, { apiKey: key.key, ...(body ? { body } : {}) });
        const expected = keyExpectation(route.access!, key);
        const ok =
          res.statusCode < 500 &&
          (expected === 'through' ? !refusedByGuard(res.statusCode, res.body) : res.statusCode === expected);
        if (!ok)
          rows.push(
            `${route.method} ${route.path} with a ${key.kind} key holding ${key.permission}: expected ${expected}, got ${res.statusCode} ${res.body}`,
          );
      }
    }
    expect(rows).toEqual([]);
  }, 120_000);
});

/** What SwaggerModule serves beside the controllers: the documentation itself, public by design. */
const API_DOCUMENTATION = [
  'GET /docs',
  'GET /docs/',
  'GET /docs/*',
  'GET /docs/LICENSE',
  'GET /docs/index.html',
  'GET /docs/swagger-ui-init.js',
  'GET /docs/docs/swagger-ui-init.js',
  'GET /openapi.json',
  'GET /openapi.yaml',
];

/**
 * Every method and path Fastify answers, controllers' or not, read from its radix tree: a path is its
 * nodes' prefixes joined, each level indented four characters deeper, a route's methods in parentheses
 * (HEAD comes with each GET).
 */
function serverRoutes(app: NestFastifyApplication): string[] {
  const tree = app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: true });
  const above: string[] = [];
  const found: string[] = [];
  for (const line of tree.split('\n')) {
    const node = /^((?:│ {3}| {4})*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!node) continue;
    const depth = node[1]!.length / 4;
    above.splice(depth, above.length, node[2]!);
    for (const method of node[3]?.split(', ') ?? [])
      if (method !== 'HEAD') found.push(`${method} ${above.join('')}`);
  }
  return found;
}

/** A route's URL with its parameters filled, and an empty body where it takes one. */
function probe(route: Route): { url: string; body: object | undefined } {
  // A stream is probed with a bad cursor: refused after the guard, it ends rather than lasts.
  const url = `${route.path.replace(/\{[^}]+\}/g, 'matrix-probe')}${route.streams ? '?after=matrix-probe' : ''}`;
  return { url, body: route.method === 'GET' || route.method === 'DELETE' ? undefined : {} };
}

/**
 * Of each kind's keys, the one holding the route's permission and one that does not: every key of a
 * route that names no permission.
 */
function keysFor(access: Access, keys: readonly Key[]): Key[] {
  if (!access.permission) return [...keys];
  return keys.filter(
    (key) =>
      key.permission === access.permission ||
      key === keys.find((other) => other.kind === key.kind && other.permission !== access.permission),
  );
}

function keyExpectation(access: Access, key: Key): 403 | 'through' {
  if (access.public || access.authenticated) return 'through';
  return access.roles!.includes(key.role) && access.permission === key.permission ? 'through' : 403;
}

/** What the guard must answer: a status, or 'through' when the caller may reach the handler. */
function expectation(access: Access, role: Role | undefined): 401 | 403 | 'through' {
  if (access.public) return 'through';
  if (role === undefined) return 401;
  if (access.authenticated) return 'through';
  return access.roles!.includes(role) ? 'through' : 403;
}

/** The guard's refusals carry AUTH.* codes; a 401 of the route's own (a gateway's bad signature) is through. */
function refusedByGuard(status: number, body: string): boolean {
  if (status !== 401 && status !== 403) return false;
  try {
    return String((JSON.parse(body) as { code?: unknown }).code).startsWith('AUTH.');
  } catch {
    return true;
  }
}
