import fc from 'fast-check';
import { DEMO_PASSWORD, demoUsers } from '../../src/identity/demo/demo-data.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import type { RecordedEvent } from '../../src/event-store/event-envelope.js';
import { TokenSigner } from '../../src/identity/auth/token-signer.js';
import { UsersReadModel } from '../../src/identity/users/users.read-model.js';
import { call, signIn } from '../support/http.js';
import { startTestApp, untilReady, untilSettled, type TestApp } from '../support/test-app.js';
import {
  operationsOf,
  requestArbitrary,
  type FuzzRequest,
  type OpenApiDocument,
  type Operation,
} from './fuzz-requests.js';
import { SchemaArbitraries } from './schema-arbitraries.js';

/**
 * HTTP fuzz generated from /openapi.json: for every operation, requests built by fast-check from its
 * parameters and body schema (valid-shaped, malformed, oversized, Unicode-edge, not JSON at all), sent
 * anonymously, with a forged credential, as the demo user of every role and with organisations' API
 * keys. No answer may be a 5xx, a refused request may leave no event in the log, and the server must be
 * healthy at the end. `DAFTAR_FUZZ_RUNS` (requests in all) and `DAFTAR_FUZZ_SEED` make a longer run.
 */
const RUNS = Number(process.env['DAFTAR_FUZZ_RUNS'] ?? 2_000);
const SEED = Number(process.env['DAFTAR_FUZZ_SEED'] ?? 1_800);
const ONLY = process.env['DAFTAR_FUZZ_ONLY'];

/**
 * A refused sign-in is recorded on purpose (the brute-force audit trail: LoginFailed, and the
 * throttle's summaries, which are a system actor's); every other event of a refused request is a bug.
 */
const RECORDED_WHEN_REFUSED = new Set(['LoginFailed', 'LoginAttemptsThrottled']);

interface Finding {
  readonly operation: string;
  readonly problem: string;
  readonly reproducer: string;
}

describe('HTTP fuzz from /openapi.json', () => {
  let t: TestApp;
  let store: EventStore;
  let operations: Operation[];
  let schemas: SchemaArbitraries;
  const credentials = new Map<string, string>();
  const findings: Finding[] = [];
  /** Correlation ids of refused requests, to find events their background work appended later. */
  const refused = new Map<string, string>();
  let startedAt: string | undefined;
  let sent = 0;
  let setupMs = 0;
  const statuses = new Map<number, number>();

  beforeAll(async () => {
    const setupBegan = Date.now();
    t = await startTestApp({ env: { DAFTAR_DEMO_DATA: 'true' } });
    await untilReady(t.app);
    store = t.app.get<EventStore>(EVENT_STORE);
    // One real sign-in; the other roles' tokens are minted as sign-in would, sparing 13 password hashes.
    credentials.set('admin', `Bearer ${await signIn(t.app, 'admin', DEMO_PASSWORD)}`);
    for (const { username } of demoUsers.filter((user) => user.username !== 'admin')) {
      const { userId } = t.app.get(UsersReadModel).byUsername(username)!;
      credentials.set(
        username,
        `Bearer ${(await t.app.get(TokenSigner).issue(userId, Date.now())).accessToken}`,
      );
    }
    for (const organisation of ['notary-office-12', 'registry-integrator']) {
      const res = await call(t.app, 'POST', '/api-keys', {
        token: credentials.get('admin')!.slice('Bearer '.length),
        body: {
          organisation,
          label: 'fuzz',
          permissions: ['inquiries:file', 'inquiries:read', 'feed:read'].slice(
            organisation === 'registry-integrator' ? 2 : 0,
          ),
        },
      });
      if (res.statusCode !== 201)
        throw new Error(`API key for ${organisation}: ${res.statusCode} ${res.body}`);
      const { key, role } = res.json() as { key: string; role: string };
      credentials.set(`apikey:${role}`, `ApiKey ${key}`);
    }
    const document = (await call(t.app, 'GET', '/openapi.json')).json() as OpenApiDocument;
    operations = operationsOf(document).filter((operation) => !ONLY || operation.name.includes(ONLY));
    schemas = new SchemaArbitraries(document.components.schemas);
    await untilSettled(t.app);
    startedAt = await store.headPosition();
    setupMs = Date.now() - setupBegan;
    console.log(
      `HTTP fuzz: seed ${SEED}, ${RUNS} requests over ${operations.length} operations and ${credentials.size + 2} callers, set up in ${setupMs} ms` +
        ' (replay with DAFTAR_FUZZ_SEED, narrow with DAFTAR_FUZZ_ONLY="POST /permits")',
    );
  }, 60_000);
  afterAll(() => t?.close());

  it(
    'answers every generated request with no 5xx, and appends nothing for a refused one',
    async () => {
      const runsPerOperation = Math.max(1, Math.round(RUNS / operations.length));
      const slowest: [number, string][] = [];
      for (const operation of operations) {
        const began = Date.now();
        let run = 0;
        await fc.assert(
          fc.asyncProperty(requestArbitrary(operation, schemas, [...credentials.keys()]), async (request) => {
            await probe(operation, request, `seed ${SEED}, path "${run++}"`);
          }),
          { seed: SEED, numRuns: runsPerOperation, endOnFailure: true },
        );
        slowest.push([Date.now() - began, operation.name]);
      }
      console.log(
        `HTTP fuzz: ${sent} requests, ${[...statuses]
          .sort()
          .map(([s, n]) => `${s}×${n}`)
          .join(' ')}; slowest ${slowest
          .sort((a, b) => b[0] - a[0])
          .slice(0, 5)
          .map(([ms, name]) => `${name} ${ms} ms`)
          .join(', ')}`,
      );
      await untilSettled(t.app);
      findings.push(...(await laterEventsOfRefused()));
      expect(sent).toBeGreaterThanOrEqual(Math.min(RUNS, operations.length));
      expect(findings.map((f) => `${f.operation}: ${f.problem}\n  ${f.reproducer}`)).toEqual([]);
    },
    Math.max(120_000, RUNS * 50),
  );

  it('is healthy afterwards: ready, and an ordinary command still works', async () => {
    expect((await call(t.app, 'GET', '/ready')).statusCode).toBe(200);
    const res = await call(t.app, 'POST', '/municipalities', {
      token: credentials.get('admin')!.slice('Bearer '.length),
      body: { code: 'after-fuzz', name: 'After the fuzz', nameFa: 'پس از آزمون', regions: [] },
    });
    expect(res.statusCode).toBe(201);
    expect((await call(t.app, 'GET', '/municipalities/after-fuzz')).statusCode).toBe(200);
  });

  async function probe(operation: Operation, request: FuzzRequest, replay: string): Promise<void> {
    const id = `fuzz-${++sent}`;
    const credential = request.caller === 'forged' ? forgedCredential(sent) : credentials.get(request.caller);
    const headers = {
      ...request.headers,
      'x-request-id': id,
      'x-correlation-id': id,
      ...(credential ? { authorization: credential } : {}),
    };
    const before = await store.headPosition();
    const status = await send(operation, request.method, request.url, headers, request.payload);
    statuses.set(status.status, (statuses.get(status.status) ?? 0) + 1);
    const reproducer = `${request.method} ${request.url} as ${request.caller}, headers ${JSON.stringify(request.headers)}, body ${request.body} (${replay})`;
    if (status.status >= 500)
      findings.push({
        operation: operation.name,
        problem: `answered ${status.status} ${status.code}`,
        reproducer,
      });
    if (status.status >= 400 && status.status < 500) {
      refused.set(id, reproducer);
      const appended = (await eventsSince(before)).filter((event) => ofRequest(event, id));
      if (appended.length > 0)
        findings.push({
          operation: operation.name,
          problem: `refused with ${status.status} ${status.code} but appended ${appended.map((e) => e.type).join(', ')}`,
          reproducer,
        });
    }
  }

  async function send(
    operation: Operation,
    method: FuzzRequest['method'],
    url: string,
    headers: Record<string, string>,
    payload: string | Buffer | undefined,
  ): Promise<{ status: number; code: string }> {
    if (operation.streams) {
      // A stream that is let through lasts; its status is all this needs, then it is dropped.
      const abort = new AbortController();
      const res = await t.app.inject({
        method,
        url,
        headers,
        payload,
        payloadAsStream: true,
        signal: abort.signal,
      });
      abort.abort();
      return { status: res.statusCode, code: '' };
    }
    const res = await t.app.inject({ method, url, headers, payload });
    return { status: res.statusCode, code: codeOf(res.body) };
  }

  async function eventsSince(position: string | undefined): Promise<RecordedEvent[]> {
    const head = await store.headPosition();
    if (head === position) return [];
    return (await store.readAll(position, { maxCount: 1_000 })).events;
  }

  async function laterEventsOfRefused(): Promise<Finding[]> {
    const found: Finding[] = [];
    for (let position = startedAt; ;) {
      const { events, nextPosition } = await store.readAll(position, { maxCount: 5_000 });
      for (const event of events) {
        const id = event.metadata.correlationId;
        if (refused.has(id) && !RECORDED_WHEN_REFUSED.has(event.type))
          found.push({
            operation: '(later)',
            problem: `a refused request led to ${event.type}`,
            reproducer: refused.get(id)!,
          });
      }
      if (events.length === 0 || !nextPosition) return found;
      position = nextPosition;
    }
  }
});

function ofRequest(event: RecordedEvent, id: string): boolean {
  return (
    (event.metadata.correlationId === id || event.metadata.causationId === id) &&
    !RECORDED_WHEN_REFUSED.has(event.type)
  );
}

function codeOf(body: string): string {
  try {
    return String((JSON.parse(body) as { code?: unknown }).code ?? '');
  } catch {
    return '';
  }
}

/** A token of the right shape that no one signed, an unknown key, or a scheme the server does not take. */
function forgedCredential(n: number): string {
  const header = Buffer.from(JSON.stringify({ alg: n % 2 ? 'none' : 'HS256', typ: 'JWT' })).toString(
    'base64url',
  );
  const claims = Buffer.from(JSON.stringify({ sub: 'user-admin', roles: ['admin'], exp: 9e9 })).toString(
    'base64url',
  );
  return [
    `Bearer ${header}.${claims}.`,
    `Bearer ${header}.${claims}.AAAA`,
    'ApiKey dk_0000_forged',
    'Basic YWRtaW46YWRtaW4=',
    'Bearer',
    `Bearer ${'x'.repeat(5_000)}`,
  ][n % 6]!;
}
