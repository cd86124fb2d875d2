import { DEMO_PASSWORD, demoUsers } from '../../src/identity/demo/demo-data.js';
import { ROLES, type Role } from '../../src/identity/roles.js';
import { call, signIn } from '../support/http.js';
import { signedInUser } from '../support/bootstrap-admin.js';
import { startTestApp, untilReady, type TestApp } from '../support/test-app.js';

type Access = { public?: true; authenticated?: true; roles?: Role[] };
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Route {
  readonly method: Method;
  readonly path: string;
  readonly access: Access | undefined;
  /** Server-Sent Events: the answer lasts as long as it is read. */
  readonly streams: boolean;
}

/**
 * Generated from the routes themselves (their access policy as published in /openapi.json), so an
 * endpoint added without a policy, or guarded by the wrong roles, fails here. Every route is called by
 * an anonymous caller, by the demo user of every role, and by a clerk of another municipality.
 */
describe('authorization matrix', () => {
  let t: TestApp;
  let routes: Route[];
  const tokens = new Map<string, string>();

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
    const spec = (await call(t.app, 'GET', '/openapi.json')).json() as {
      paths: Record<
        string,
        Record<string, { 'x-daftar-access'?: Access; responses?: Record<string, { content?: object }> }>
      >;
    };
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

  it('answers each caller as the route declares: 401 anonymous, 403 without the role, through the guard with it, never 500', async () => {
    const rows: string[] = [];
    for (const route of routes) {
      // A stream is probed with a bad cursor: refused after the guard, it ends rather than lasts.
      const url = `${route.path.replace(/\{[^}]+\}/g, 'matrix-probe')}${route.streams ? '?after=matrix-probe' : ''}`;
      const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : {};
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
});

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
