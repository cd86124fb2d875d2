import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { bootstrapAdmin, signedInUser } from '../support/bootstrap-admin.js';
import { hamedan, registerAll } from '../support/directory.js';
import { call, signIn } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const clerk = {
  username: 'r.karimi',
  displayName: 'Reza Karimi (رضا کریمی)',
  password: 'clerk-password-1',
  grants: [{ role: 'clerk', municipality: 'hamedan', regions: ['1'] }],
  nationalId: '۰۴۹۹۳۷۰۸۹۹',
  mobile: '+989121234567',
};

const notary = {
  username: 'notary-12',
  displayName: 'Sardaftar',
  password: 'notary-password-1',
  grants: [{ role: 'notary', organisation: 'notary-12-hamedan' }],
};

const surveyorGrant = { role: 'surveyor', municipality: 'hamedan' };

/** A fresh app with an admin, a citizen, Hamedan and the organisations that grants name. */
async function startWorld(): Promise<{ t: TestApp; admin: string; citizen: string }> {
  const t = await startTestApp();
  const admin = await bootstrapAdmin(t.app);
  const citizen = (await signedInUser(t.app, 'citizen-1', [{ role: 'citizen' }])).token;
  await registerAll(t.app, admin, {
    municipalities: [hamedan],
    organisations: [
      { id: 'notary-12-hamedan', kind: 'notary_office', name: 'Notary 12', officeNumber: '12' },
      { id: 'bank-melli-hamedan', kind: 'bank', name: 'Bank Melli' },
      { id: 'bank-closed', kind: 'bank', name: 'Closed bank' },
    ],
  });
  await call(t.app, 'POST', '/organisations/bank-closed/deactivate', {
    token: admin,
    body: { reason: 'closed' },
  });
  return { t, admin, citizen };
}

/** Creates a user as the admin would, failing loudly if refused: its id. */
async function createUser(t: TestApp, admin: string, body: object): Promise<string> {
  const res = await call(t.app, 'POST', '/users', { token: admin, body });
  if (res.statusCode !== 201) throw new Error(`POST /users failed: ${res.statusCode} ${res.body}`);
  return res.json().userId;
}

describe('admins create users, grant and revoke roles, and disable accounts', () => {
  let t: TestApp;
  let admin: string;
  let citizen: string;
  /** A clerk that no test changes, for refusals. */
  let keptClerkId: string;
  /** A clerk of its own for a test that changes one. */
  const newClerk = (username: string) => createUser(t, admin, { ...clerk, username });
  beforeAll(async () => {
    ({ t, admin, citizen } = await startWorld());
    keptClerkId = await newClerk('kept.clerk');
  });
  afterAll(() => t.close());

  it('creates a clerk of two regions, who signs in and sees the grant at /me; no password hash is shown', async () => {
    const res = await call(t.app, 'POST', '/users', { token: admin, body: clerk });
    expect(res.statusCode).toBe(201);
    const clerkId = res.json().userId;
    expect(res.json()).toEqual({
      userId: expect.any(String),
      username: 'r.karimi',
      displayName: clerk.displayName,
      nationalId: '0499370899',
      mobile: '09121234567',
      grants: clerk.grants,
      disabled: false,
      origin: 'admin',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const one = await call(t.app, 'GET', `/users/${clerkId}`, { token: admin });
    expect(one.json()).toEqual(res.json());
    expect(one.body).not.toContain('scrypt');

    const token = await signIn(t.app, 'r.karimi', clerk.password);
    const me = await call(t.app, 'GET', '/me', { token });
    expect(me.json().grants).toEqual(clerk.grants);

    const [created] = await t.app.get<EventStore>(EVENT_STORE).readStream(`user-${clerkId}`);
    expect(created!.metadata.actor.role).toBe('admin');
  });

  it('creates a notary of a notary office', async () => {
    const res = await call(t.app, 'POST', '/users', { token: admin, body: notary });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ nationalId: null, mobile: null });
  });

  const grantCases: [string, number, string, object][] = [
    ['a staff role without a municipality', 400, 'USER.INVALID_GRANT', { role: 'clerk' }],
    ['an organisation role without an organisation', 400, 'USER.INVALID_GRANT', { role: 'bank' }],
    ['an unknown municipality', 404, 'MUNICIPALITY.NOT_FOUND', { role: 'clerk', municipality: 'atlantis' }],
    [
      'an unknown region',
      404,
      'MUNICIPALITY.REGION_NOT_FOUND',
      { role: 'clerk', municipality: 'hamedan', regions: ['9'] },
    ],
    [
      'an unknown organisation',
      404,
      'ORGANISATION.NOT_FOUND',
      { role: 'bank', organisation: 'bank-nowhere' },
    ],
    [
      'an organisation of another kind',
      400,
      'USER.ORGANISATION_KIND_MISMATCH',
      { role: 'notary', organisation: 'bank-melli-hamedan' },
    ],
    [
      'a deactivated organisation',
      409,
      'ORGANISATION.DEACTIVATED',
      { role: 'bank', organisation: 'bank-closed' },
    ],
    ['a provincial clerk', 400, 'USER.INVALID_GRANT', { role: 'clerk', province: 'hamedan' }],
    [
      'a province and a municipality at once',
      400,
      'USER.INVALID_GRANT',
      { role: 'oversight', province: 'hamedan', municipality: 'hamedan' },
    ],
    [
      'a province with no municipality',
      404,
      'MUNICIPALITY.PROVINCE_NOT_FOUND',
      { role: 'oversight', province: 'atlantis' },
    ],
    ['an unknown role', 400, 'REQUEST.INVALID', { role: 'mayor' }],
    ['an unknown field in a grant', 400, 'REQUEST.UNKNOWN_FIELD', { role: 'admin', since: 'today' }],
  ];

  it.each(grantCases)('refuses to create a user with %s: %i %s', async (_, status, code, grant) => {
    const res = await call(t.app, 'POST', '/users', {
      token: admin,
      body: { ...clerk, username: 'refused-user', grants: [grant] },
    });
    expect([res.statusCode, res.json().code]).toEqual([status, code]);
  });

  it.each(grantCases)('refuses to grant %s: %i %s', async (_, status, code, grant) => {
    const res = await call(t.app, 'POST', `/users/${keptClerkId}/roles`, { token: admin, body: grant });
    expect([res.statusCode, res.json().code]).toEqual([status, code]);
  });

  it.each([
    ['a taken username', 409, 'USER.USERNAME_TAKEN', { username: 'kept.clerk' }],
    ['a malformed username', 400, 'USER.INVALID_USERNAME', { username: 'R Karimi' }],
    ['a weak password', 400, 'USER.WEAK_PASSWORD', { password: 'short' }],
    ['no grants', 400, 'REQUEST.INVALID', { grants: [] }],
    ['an invalid national id', 400, 'IDENTITY.INVALID_NATIONAL_ID', { nationalId: '0499370898' }],
    ['an invalid mobile number', 400, 'IDENTITY.INVALID_MOBILE', { mobile: '12345' }],
    ['an unknown field', 400, 'REQUEST.UNKNOWN_FIELD', { passwordHash: 'x' }],
  ])('refuses a user with %s: %i %s', async (_, status, code, change) => {
    const res = await call(t.app, 'POST', '/users', {
      token: admin,
      body: { ...clerk, username: 'another-user', ...change },
    });
    expect([res.statusCode, res.json().code]).toEqual([status, code]);
  });

  it('grants a role, seen at once by the user; granting it again changes nothing', async () => {
    const clerkId = await newClerk('granted.clerk');
    const grant = surveyorGrant;
    const res = await call(t.app, 'POST', `/users/${clerkId}/roles`, { token: admin, body: grant });
    expect(res.statusCode).toBe(201);
    expect(res.json().grants).toEqual([...clerk.grants, grant]);
    const again = await call(t.app, 'POST', `/users/${clerkId}/roles`, { token: admin, body: grant });
    expect(again.json().grants).toHaveLength(2);
    const token = await signIn(t.app, 'granted.clerk', clerk.password);
    expect((await call(t.app, 'GET', '/me', { token })).json().grants).toEqual([...clerk.grants, grant]);
  });

  it('revokes a role held in a scope, and refuses one that is not held', async () => {
    const clerkId = await createUser(t, admin, {
      ...clerk,
      username: 'revoked.clerk',
      grants: [...clerk.grants, surveyorGrant],
    });
    const res = await call(t.app, 'POST', `/users/${clerkId}/roles/revoke`, {
      token: admin,
      body: { role: 'surveyor', municipality: 'hamedan', reason: 'moved to the counter' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().grants).toEqual(clerk.grants);
    const notHeld = await call(t.app, 'POST', `/users/${clerkId}/roles/revoke`, {
      token: admin,
      body: { role: 'surveyor', municipality: 'hamedan', reason: 'again' },
    });
    expect([notHeld.statusCode, notHeld.json().code]).toEqual([409, 'USER.ROLE_NOT_HELD']);
    const noReason = await call(t.app, 'POST', `/users/${clerkId}/roles/revoke`, {
      token: admin,
      body: { role: 'clerk', municipality: 'hamedan' },
    });
    expect([noReason.statusCode, noReason.json().code]).toEqual([400, 'REQUEST.INVALID']);
  });

  it('disables an account, whose token stops working at once', async () => {
    const clerkId = await newClerk('disabled.clerk');
    const token = await signIn(t.app, 'disabled.clerk', clerk.password);
    const res = await call(t.app, 'POST', `/users/${clerkId}/disable`, {
      token: admin,
      body: { reason: 'left the municipality' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().disabled).toBe(true);
    const me = await call(t.app, 'GET', '/me', { token });
    expect([me.statusCode, me.json().code]).toEqual([401, 'AUTH.ACCOUNT_DISABLED']);
  });

  it.each([
    ['GET', '/users/00000000-0000-7000-8000-000000000000', undefined],
    ['GET', '/users/not-an-id', undefined],
    ['POST', '/users/00000000-0000-7000-8000-000000000000/roles', { role: 'admin' }],
    ['POST', '/users/00000000-0000-7000-8000-000000000000/roles/revoke', { role: 'admin', reason: 'gone' }],
    ['POST', '/users/00000000-0000-7000-8000-000000000000/disable', { reason: 'gone' }],
  ] as const)('answers %s %s for an unknown user with 404 USER.NOT_FOUND', async (method, url, body) => {
    const res = await call(t.app, method, url, { token: admin, body });
    expect([res.statusCode, res.json().code]).toEqual([404, 'USER.NOT_FOUND']);
  });

  it.each([
    ['POST', '/users', { ...clerk, username: 'sneaky' }],
    ['GET', '/users', undefined],
    ['GET', '/users/x', undefined],
    ['POST', '/users/x/roles', { role: 'admin' }],
    ['POST', '/users/x/roles/revoke', { role: 'admin', reason: 'no way' }],
    ['POST', '/users/x/disable', { reason: 'no way' }],
  ] as const)('lets only admins %s %s: 403 for a citizen, 401 for anonymous', async (method, url, body) => {
    const forbidden = await call(t.app, method, url, { token: citizen, body });
    expect([forbidden.statusCode, forbidden.json().code]).toEqual([403, 'AUTH.FORBIDDEN']);
    const anonymous = await call(t.app, method, url, { body });
    expect([anonymous.statusCode, anonymous.json().code]).toEqual([401, 'AUTH.UNAUTHENTICATED']);
  });
});

// Lists show every user, so this one counts on an app where no other test adds any.
describe('admins list users', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    ({ t, admin } = await startWorld());
    await createUser(t, admin, { ...clerk, grants: [...clerk.grants, surveyorGrant] });
    await createUser(t, admin, notary);
  });
  afterAll(() => t.close());

  it('lists users by role, municipality and organisation, matching within one grant', async () => {
    const names = async (query: string) => {
      const res = await call(t.app, 'GET', `/users?${query}`, { token: admin });
      expect(res.statusCode).toBe(200);
      return res.json().items.map((u: { username: string }) => u.username);
    };
    expect(await names('')).toEqual(['admin', 'citizen-1', 'notary-12', 'r.karimi']);
    expect(await names('role=surveyor')).toEqual(['r.karimi']);
    expect(await names('municipality=hamedan')).toEqual(['r.karimi']);
    expect(await names('organisation=notary-12-hamedan')).toEqual(['notary-12']);
    expect(await names('role=notary&municipality=hamedan')).toEqual([]);
    expect(await names('role=admin')).toEqual(['admin']);
    const page = await call(t.app, 'GET', '/users?pageSize=3&page=2', { token: admin });
    expect(page.json()).toMatchObject({ total: 4, page: 2, pageSize: 3, items: [{ username: 'r.karimi' }] });
    expect(page.body).not.toContain('passwordHash');
    const bad = await call(t.app, 'GET', '/users?role=mayor', { token: admin });
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'REQUEST.INVALID']);
  });
});
