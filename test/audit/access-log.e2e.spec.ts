import { AuditTrail } from '../../src/audit/audit-trail.js';
import type { BackgroundAuditTrail } from '../../src/audit/record-access/background-audit-trail.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { permitStream } from '../../src/permits/permit.events.js';
import { events as e } from '../../src/permits/permit.fixtures.js';
import { newId } from '../../src/shared/ids.js';
import { bootstrapAdmin, signedInUser } from '../support/bootstrap-admin.js';
import { freshNationalId, registeredCitizen } from '../support/citizens.js';
import { hamedan, registerAll } from '../support/directory.js';
import { call } from '../support/http.js';
import { startTestApp, type TestApp, untilProjected } from '../support/test-app.js';

const OWNER = '0013542419';

const CLERK = 'reza-karimi';

/** An app with a clerk of Hamedan. */
async function appWithClerk(env: Record<string, string> = {}) {
  const t = await startTestApp({ env });
  const admin = await bootstrapAdmin(t.app);
  await registerAll(t.app, admin, { municipalities: [hamedan], organisations: [] });
  const clerk = (await signedInUser(t.app, CLERK, [{ role: 'clerk', municipality: 'hamedan' }])).token;
  return { t, admin, clerk };
}

/** A citizen of their own and a permit file of theirs: their access log holds only what a test does. */
async function citizenWithFile(t: TestApp, nationalId: string) {
  const citizen = await registeredCitizen(t.app, nationalId);
  const permitId = newId();
  const opened = { ...e.opened, data: { ...e.opened.data, permitId, applicantNationalId: nationalId } };
  const { position } = await t.app.get<EventStore>(EVENT_STORE).append(
    permitStream(permitId),
    [
      {
        id: newId(),
        ...opened,
        metadata: {
          actor: { id: 'user-x', role: 'citizen' },
          correlationId: 'seed',
          causationId: 'seed',
          recordedAt: new Date().toISOString(),
          schemaVersion: 1,
        },
      },
    ],
    { expectedRevision: 'no_stream' },
  );
  expect(await untilProjected(t.app, position)).toBe(true);
  return { citizen, permitId };
}

/** Writes what the trail holds and waits until the access log shows it. */
async function recorded(t: TestApp): Promise<void> {
  await (t.app.get(AuditTrail) as BackgroundAuditTrail).flush();
  const head = await t.app.get<EventStore>(EVENT_STORE).headPosition();
  expect(await untilProjected(t.app, head!)).toBe(true);
}

describe('GET /me/access-log: who read what of a citizen’s data', () => {
  let t: TestApp;
  let admin: string;
  let clerk: string;
  const get = (url: string, token?: string, headers: Record<string, string> = {}) =>
    call(t.app, 'GET', url, { ...(token ? { token } : {}), headers });

  beforeAll(async () => {
    ({ t, admin, clerk } = await appWithClerk());
  });
  afterAll(() => t.close());

  it('shows the clerk who opened the citizen’s file, by role and municipality, with the purpose given', async () => {
    const { citizen, permitId } = await citizenWithFile(t, freshNationalId());
    expect((await get(`/permits/${permitId}`, clerk, { 'daftar-purpose': 'review' })).statusCode).toBe(200);
    await recorded(t);
    const log = await get('/me/access-log', citizen);
    expect(log.statusCode).toBe(200);
    const [entry, ...rest] = log.json().items;
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      what: 'permit_file',
      whatFa: 'پرونده پروانه ساختمانی',
      subject: permitId,
      purpose: 'review',
      reader: { role: 'clerk', municipality: 'hamedan' },
    });
    expect(entry.reader).not.toHaveProperty('name');
    expect(JSON.stringify(entry)).not.toContain('user-');
    expect(JSON.stringify(entry)).not.toContain(CLERK);
  });

  it('records nothing when the citizen reads their own file', async () => {
    const { citizen, permitId } = await citizenWithFile(t, freshNationalId());
    expect((await get(`/permits/${permitId}`, clerk)).statusCode).toBe(200);
    expect((await get(`/permits/${permitId}`, citizen)).statusCode).toBe(200);
    await recorded(t);
    expect((await get('/me/access-log', citizen)).json().total).toBe(1);
  });

  it('refuses a purpose longer than 200 characters with 400, and the log to anyone but a citizen', async () => {
    const { permitId } = await citizenWithFile(t, freshNationalId());
    const long = await get(`/permits/${permitId}`, clerk, { 'daftar-purpose': 'x'.repeat(201) });
    expect(long.statusCode).toBe(400);
    expect(long.json().code).toBe('AUDIT.INVALID_PURPOSE');
    expect((await get('/me/access-log', clerk)).statusCode).toBe(403);
    expect((await get('/me/access-log')).statusCode).toBe(401);
  });

  it('shows the citizen that an administrator listed their profile among the users', async () => {
    const { citizen } = await citizenWithFile(t, freshNationalId());
    const users = await get('/users?role=citizen', admin);
    expect(users.statusCode).toBe(200);
    await recorded(t);
    const { items } = (await get('/me/access-log', citizen)).json();
    expect(items).toContainEqual(
      expect.objectContaining({
        what: 'citizen_profile',
        purpose: 'user administration',
        reader: { role: 'admin' },
      }),
    );
  });
});

describe('GET /me/access-log with DAFTAR_ACCESS_LOG_NAMES=name', () => {
  let app: Awaited<ReturnType<typeof appWithClerk>>;

  beforeAll(async () => {
    app = await appWithClerk({ DAFTAR_ACCESS_LOG_NAMES: 'name' });
  });
  afterAll(() => app.t.close());

  it('names the official who read the file, beside their role, and still not their id', async () => {
    const { t, clerk } = app;
    const { citizen, permitId } = await citizenWithFile(t, OWNER);
    expect((await call(t.app, 'GET', `/permits/${permitId}`, { token: clerk })).statusCode).toBe(200);
    await recorded(t);
    const [entry] = (await call(t.app, 'GET', '/me/access-log', { token: citizen })).json().items;
    expect(entry.reader).toEqual({ role: 'clerk', name: CLERK, municipality: 'hamedan' });
    expect(JSON.stringify(entry)).not.toContain('user-');
  });
});
