import { CommandRunner } from '../../src/event-store/command-handling/command-runner.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { systemActor } from '../../src/identity/principal.js';
import { seedDemoRuleSets } from '../../src/rule-sets/demo/seed-demo-rule-set.js';
import { demoRuleSet } from '../../src/rule-sets/demo-rule-set.js';
import type { RuleSet } from '../../src/rule-sets/rule-set.js';
import { todayInTehran } from '../../src/shared/tehran-date.js';
import { bootstrapAdmin, signedInUser } from '../support/bootstrap-admin.js';
import { hamedan, registerAll } from '../support/directory.js';
import { call } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** A day well after today (Tehran time), so a rule set taking effect then is not yet in force. */
const future = `${Number(todayInTehran(new Date()).slice(0, 4)) + 2}-03-21`;
const v1: RuleSet = demoRuleSet;
const v2: RuleSet = { ...demoRuleSet, version: 2, effectiveFrom: future, permitValidityMonths: 36 };
const published = (ruleSet: RuleSet, municipality = 'hamedan') => ({
  municipality,
  ...ruleSet,
  publishedAt: expect.any(String),
  publishedBy: expect.any(String),
});

describe('zoning rule sets: admins publish versions, anyone reads the one in force and earlier ones', () => {
  let t: TestApp;
  let admin: string;
  let citizen: string;
  let clerk: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await bootstrapAdmin(t.app);
    await registerAll(t.app, admin, {
      municipalities: [hamedan, { code: 'tehran', name: 'Tehran', nameFa: 'تهران' }],
    });
    citizen = (await signedInUser(t.app, 'citizen-1', [{ role: 'citizen' }])).token;
    clerk = (await signedInUser(t.app, 'clerk-1', [{ role: 'clerk', municipality: 'hamedan' }])).token;
  });
  afterAll(() => t.close());

  /** A municipality of the case's own, with the rule-set versions it needs published already. */
  let cities = 0;
  async function cityWith(...ruleSets: RuleSet[]): Promise<string> {
    const code = `city-${++cities}`;
    await registerAll(t.app, admin, { municipalities: [{ code, name: code, nameFa: 'شهر' }] });
    for (const body of ruleSets) {
      const res = await call(t.app, 'POST', `/rule-sets/${code}`, { token: admin, body });
      if (res.statusCode !== 201) throw new Error(`publishing failed: ${res.body}`);
    }
    return code;
  }
  const stream = (municipality: string) =>
    t.app.get<EventStore>(EVENT_STORE).readStream(`ruleset-${municipality}`);

  it('publishes version 1, recorded as the admin did it, and shows it as in force to anonymous callers', async () => {
    const city = await cityWith();
    const res = await call(t.app, 'POST', `/rule-sets/${city}`, { token: admin, body: v1 });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual(published(v1, city));

    const [event] = await stream(city);
    expect(event).toMatchObject({ type: 'RuleSetPublished', data: { municipality: city, ...v1 } });
    expect(event!.metadata.actor).toEqual({ id: res.json().publishedBy, role: 'admin' });
    expect(res.json().publishedAt).toBe(event!.metadata.recordedAt);

    const inForce = await call(t.app, 'GET', `/rule-sets/${city}`);
    expect(inForce.statusCode).toBe(200);
    expect(inForce.json()).toEqual(res.json());
  });

  it('publishes version 2 taking effect later: version 1 stays in force, both stay queryable', async () => {
    const city = await cityWith(v1);
    const res = await call(t.app, 'POST', `/rule-sets/${city}`, { token: admin, body: v2 });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual(published(v2, city));

    const inForce = await call(t.app, 'GET', `/rule-sets/${city}`, { token: citizen });
    expect(inForce.json()).toMatchObject({ version: 1, effectiveFrom: v1.effectiveFrom });

    const versions = await call(t.app, 'GET', `/rule-sets/${city}/versions`);
    expect(versions.statusCode).toBe(200);
    expect(versions.json()).toEqual([
      { version: 1, effectiveFrom: v1.effectiveFrom, publishedAt: expect.any(String) },
      { version: 2, effectiveFrom: future, publishedAt: expect.any(String) },
    ]);
    const one = await call(t.app, 'GET', `/rule-sets/${city}/versions/1`);
    expect([one.statusCode, one.json()]).toEqual([200, published(v1, city)]);
    const two = await call(t.app, 'GET', `/rule-sets/${city}/versions/2`);
    expect([two.statusCode, two.json()]).toEqual([200, published(v2, city)]);
  });

  it('refuses an invalid rule set with 400 RULESET.INVALID, listing every problem', async () => {
    const city = await cityWith(v1, v2);
    const { permitValidityMonths: _, ...missing } = v2;
    const body = {
      ...missing,
      version: 3,
      zones: { ...v2.zones, R1: { ...v2.zones['R1']!, maxOccupancyPct: 140 } },
      colour: 'green',
    };
    const res = await call(t.app, 'POST', `/rule-sets/${city}`, { token: admin, body });
    expect([res.statusCode, res.json().code]).toEqual([400, 'RULESET.INVALID']);
    expect(res.json().details.errors).toEqual(
      expect.arrayContaining([
        { path: '/permitValidityMonths', message: 'is required' },
        { path: '/colour', message: 'is not a known field' },
        { path: '/zones/R1/maxOccupancyPct', message: expect.any(String) },
      ]),
    );
    for (const bad of [[], 'v3', null]) {
      const refused = await call(t.app, 'POST', `/rule-sets/${city}`, { token: admin, body: bad });
      expect([refused.statusCode, refused.json().code]).toEqual([400, 'RULESET.INVALID']);
    }
    expect(await stream(city)).toHaveLength(2);
  });

  it.each([
    ['a version published already', { ...v2, version: 2 }, 'RULESET.VERSION_NOT_NEXT'],
    ['a skipped version', { ...v2, version: 4 }, 'RULESET.VERSION_NOT_NEXT'],
    [
      'a version taking effect before the previous one',
      { ...v2, version: 3, effectiveFrom: v1.effectiveFrom },
      'RULESET.EFFECTIVE_DATE_BACKWARDS',
    ],
  ])('refuses %s with 409', async (_, body, code) => {
    const city = await cityWith(v1, v2);
    const res = await call(t.app, 'POST', `/rule-sets/${city}`, { token: admin, body });
    expect([res.statusCode, res.json().code]).toEqual([409, code]);
    if (code === 'RULESET.VERSION_NOT_NEXT') {
      expect(res.json().details).toMatchObject({ expectedVersion: 3 });
      expect(res.json().detail).toContain('version 3');
    }
  });

  it('answers a repeated Idempotency-Key with the first result instead of 409', async () => {
    const body = { ...v2, version: 3 };
    const city = await cityWith(v1, v2);
    const headers = { 'idempotency-key': `publish-${city}-3` };
    const first = await call(t.app, 'POST', `/rule-sets/${city}`, { token: admin, body, headers });
    const again = await call(t.app, 'POST', `/rule-sets/${city}`, { token: admin, body, headers });
    expect([first.statusCode, again.statusCode]).toEqual([201, 201]);
    expect(again.json()).toEqual(first.json());
    expect(await stream(city)).toHaveLength(3);
  });

  it('answers 404 for unknown municipalities, missing rule sets and versions, 400 for a malformed version', async () => {
    const city = await cityWith(v1);
    const unknown = await call(t.app, 'POST', '/rule-sets/atlantis', { token: admin, body: v1 });
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'MUNICIPALITY.NOT_FOUND']);
    const cases: [string, number, string][] = [
      ['/rule-sets/atlantis', 404, 'RULESET.NOT_FOUND'],
      ['/rule-sets/tehran', 404, 'RULESET.NOT_FOUND'],
      ['/rule-sets/atlantis/versions', 404, 'MUNICIPALITY.NOT_FOUND'],
      [`/rule-sets/${city}/versions/9`, 404, 'RULESET.NOT_FOUND'],
      [`/rule-sets/${city}/versions/0`, 400, 'REQUEST.INVALID'],
      [`/rule-sets/${city}/versions/one`, 400, 'REQUEST.INVALID'],
    ];
    for (const [url, status, code] of cases) {
      const res = await call(t.app, 'GET', url);
      expect([url, res.statusCode, res.json().code]).toEqual([url, status, code]);
    }
    const none = await call(t.app, 'GET', '/rule-sets/tehran/versions');
    expect([none.statusCode, none.json()]).toEqual([200, []]);
  });

  it('lets only admins publish: 403 for a citizen and a clerk, 401 for anonymous', async () => {
    const body = { ...v2, version: 4 };
    for (const token of [citizen, clerk]) {
      const forbidden = await call(t.app, 'POST', '/rule-sets/hamedan', { token, body });
      expect([forbidden.statusCode, forbidden.json().code]).toEqual([403, 'AUTH.FORBIDDEN']);
    }
    const anonymous = await call(t.app, 'POST', '/rule-sets/hamedan', { body });
    expect([anonymous.statusCode, anonymous.json().code]).toEqual([401, 'AUTH.UNAUTHENTICATED']);
  });

  it('documents the body as the rule set JSON Schema in /openapi.json', async () => {
    const spec = (await call(t.app, 'GET', '/openapi.json')).json();
    const post = spec.paths['/rule-sets/{municipality}'].post;
    expect(post['x-daftar-access']).toEqual({ roles: ['admin'] });
    expect(post.requestBody.content['application/json'].schema).toMatchObject({
      title: 'RuleSet',
      required: expect.arrayContaining(['version', 'effectiveFrom', 'zones', 'tariffs']),
    });
    expect(spec.paths['/rule-sets/{municipality}'].get['x-daftar-access']).toEqual({ public: true });
  });
});

describe('the demo rule set', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await registerAll(t.app, await bootstrapAdmin(t.app), { municipalities: [hamedan] });
  });
  afterAll(() => t.close());

  it('is published once for each demo city as version 1, however often it is seeded', async () => {
    const context = {
      actor: systemActor('demo-seed'),
      correlationId: 'demo-seed',
      causationId: 'demo-seed',
      now: new Date().toISOString(),
    };
    const commands = t.app.get(CommandRunner);
    expect(await seedDemoRuleSets(commands, context)).toEqual({ created: 3, skipped: 0 });
    expect(await seedDemoRuleSets(commands, context)).toEqual({ created: 0, skipped: 3 });
    const res = await call(t.app, 'GET', '/rule-sets/hamedan');
    expect([res.statusCode, res.json()]).toEqual([
      200,
      { ...published(v1), publishedBy: 'system:demo-seed' },
    ]);
    expect(await t.app.get<EventStore>(EVENT_STORE).readStream('ruleset-hamedan')).toHaveLength(1);
    expect(await t.app.get<EventStore>(EVENT_STORE).readStream('ruleset-takestan')).toHaveLength(1);
  });
});
