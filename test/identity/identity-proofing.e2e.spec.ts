import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { UsersReadModel } from '../../src/identity/users/users.read-model.js';
import { demoOwners } from '../../src/parcels/demo-parcels.js';
import { call } from '../support/http.js';
import { lastCodeSentTo, smsOutbox } from '../support/sms-outbox.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const owner = demoOwners[1]!;
const password = 'a-long-secret-1';
const register = (t: TestApp, body: Record<string, string>) =>
  call(t.app, 'POST', '/auth/register', { body: { fullName: 'شهروند', password, ...body } });
const confirm = (t: TestApp, registrationId: string, code: string) =>
  call(t.app, 'POST', '/auth/register/confirm', { body: { registrationId, code } });
const signInStatus = async (t: TestApp, username: string) =>
  (await call(t.app, 'POST', '/auth/token', { body: { username, password } })).statusCode;

async function registrationEvents(t: TestApp) {
  const store = t.app.get<EventStore>(EVENT_STORE);
  return (await store.readAll(undefined, { maxCount: 10_000, categories: ['registration'] })).events;
}

describe('identity proofing: a citizen proves the national id with the mobile registered to it', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Many registrations from one test address: the per-address limit has its own test below.
    t = await startTestApp({ env: { DAFTAR_CODE_SENDS_PER_ADDRESS: '100' } });
  });
  afterAll(() => t.close());

  it("refuses another person's national id with a mobile that is not theirs: 422, nothing created, nothing sent", async () => {
    // Other tests register too: nothing is what this refusal adds to what they made.
    const person = demoOwners[5]!;
    const eventsBefore = (await registrationEvents(t)).length;
    const sentBefore = smsOutbox(t.config.dataDir).length;
    const res = await register(t, { nationalId: person.nationalId, mobile: '09351112233' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'IDENTITY.MOBILE_MISMATCH' });
    expect(res.body).not.toContain(person.mobile);
    expect((await registrationEvents(t)).slice(eventsBefore)).toEqual([]);
    expect(smsOutbox(t.config.dataDir).slice(sentBefore)).toEqual([]);
    expect(t.app.get(UsersReadModel).byNationalId(person.nationalId)).toBeUndefined();
  });

  it('with the right mobile, creates no account until the code from the SMS is confirmed', async () => {
    const started = await register(t, { nationalId: owner.nationalId, mobile: owner.mobile });
    expect(started.statusCode).toBe(202);
    const { registrationId, expiresAt } = started.json() as { registrationId: string; expiresAt: string };
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(60_000);
    expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(120_000);
    expect(await signInStatus(t, owner.nationalId)).toBe(401);

    const code = lastCodeSentTo(t.app, owner.mobile);
    expect(code).toMatch(/^\d{6}$/);
    const stored = JSON.stringify((await registrationEvents(t)).map((e) => [e.data, e.metadata]));
    expect(stored).not.toContain(`"${code}"`);
    expect(stored).not.toContain(password);
    expect(stored).not.toMatch(/scrypt\$/);

    const confirmed = await confirm(t, registrationId, code);
    expect(confirmed.statusCode).toBe(201);
    expect(confirmed.json()).toEqual({ userId: expect.any(String), username: owner.nationalId });
    expect(await signInStatus(t, owner.nationalId)).toBe(200);
    expect((await confirm(t, registrationId, code)).json().code).toBe('REGISTRATION.ALREADY_CONFIRMED');
    expect((await register(t, { nationalId: owner.nationalId, mobile: owner.mobile })).statusCode).toBe(409);
  });

  it('ends the registration at the fifth wrong code; the right code is refused after that', async () => {
    const other = demoOwners[2]!;
    const { registrationId } = (
      await register(t, { nationalId: other.nationalId, mobile: other.mobile })
    ).json();
    const code = lastCodeSentTo(t.app, other.mobile);
    const wrong = code === '000000' ? '111111' : '000000';
    const answers = [];
    for (let i = 0; i < 5; i += 1) answers.push((await confirm(t, registrationId, wrong)).json());
    expect(answers.map((a) => [a.code, a.details.triesLeft])).toEqual([
      ['REGISTRATION.WRONG_CODE', 4],
      ['REGISTRATION.WRONG_CODE', 3],
      ['REGISTRATION.WRONG_CODE', 2],
      ['REGISTRATION.WRONG_CODE', 1],
      ['REGISTRATION.WRONG_CODE', 0],
    ]);
    const late = await confirm(t, registrationId, code);
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({
      code: 'REGISTRATION.ENDED',
      details: { reason: 'too_many_attempts' },
    });
    expect(await signInStatus(t, other.nationalId)).toBe(401);
  });

  it('bounds wrong codes per person, not only per registration: the third registration after ten is refused', async () => {
    const person = demoOwners[3]!;
    for (let round = 0; round < 2; round += 1) {
      const { registrationId } = (
        await register(t, { nationalId: person.nationalId, mobile: person.mobile })
      ).json();
      const code = lastCodeSentTo(t.app, person.mobile);
      const wrong = code === '000000' ? '111111' : '000000';
      for (let i = 0; i < 5; i += 1) await confirm(t, registrationId, wrong);
    }
    const third = await register(t, { nationalId: person.nationalId, mobile: person.mobile });
    expect(third.statusCode).toBe(429);
    expect(third.json().code).toBe('REGISTRATION.TOO_MANY_WRONG_CODES');
  });

  it("does not spend a citizen's code budget on a stranger's wrong mobiles", async () => {
    const person = demoOwners[4]!;
    for (let i = 0; i < 6; i += 1)
      expect((await register(t, { nationalId: person.nationalId, mobile: '09351112233' })).statusCode).toBe(
        422,
      );
    expect((await register(t, { nationalId: person.nationalId, mobile: person.mobile })).statusCode).toBe(
      202,
    );
  });

  it('accepts the code typed in Persian digits; refuses a resend within the minute', async () => {
    const nationalId = '0499370899';
    const mobile = '09121234567';
    const { registrationId } = (await register(t, { nationalId, mobile })).json();
    const resend = await call(t.app, 'POST', '/auth/register/resend', { body: { registrationId } });
    expect(resend.statusCode).toBe(429);
    expect(resend.json().code).toBe('REGISTRATION.RESEND_TOO_SOON');
    expect(Number(resend.headers['retry-after'])).toBeGreaterThan(0);
    const persian = lastCodeSentTo(t.app, mobile).replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
    expect((await confirm(t, registrationId, persian)).statusCode).toBe(201);
  });

  it('knows no registration by a made-up id, and refuses malformed input with 400', async () => {
    expect((await confirm(t, 'not-an-id', '123456')).json().code).toBe('REGISTRATION.NOT_FOUND');
    expect((await confirm(t, '01920000-0000-7000-8000-000000000000', '123456')).statusCode).toBe(404);
    expect((await register(t, { nationalId: '0499370898', mobile: '09121234567' })).json().code).toBe(
      'IDENTITY.INVALID_NATIONAL_ID',
    );
  });

  it('limits requests per client address before asking the registry anything', async () => {
    const limited = await startTestApp({ env: { DAFTAR_CODE_SENDS_PER_ADDRESS: '2' } });
    try {
      const statuses = [];
      for (const mobile of ['09351112233', '09351112234', '09351112235'])
        statuses.push((await register(limited, { nationalId: '0790419904', mobile })).statusCode);
      expect(statuses).toEqual([202, 202, 429]);
    } finally {
      await limited.close();
    }
  });

  it('limits codes sent for one national id, whatever the address', async () => {
    const nationalId = '0790419904';
    const statuses = [];
    for (let i = 0; i < 6; i += 1)
      statuses.push((await register(t, { nationalId, mobile: '09127777777' })).statusCode);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
  });
});

describe('identity proofing with a provider that does not answer', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: {
        DAFTAR_IDENTITY_MATCH_URL: 'http://127.0.0.1:9/match',
        DAFTAR_IDENTITY_MATCH_KEY: 'key',
        DAFTAR_IDENTITY_MATCH_TIMEOUT_MS: '500',
      },
    });
  });
  afterAll(() => t.close());

  it('answers 503, never a yes, and creates nothing', async () => {
    const res = await register(t, { nationalId: '0499370899', mobile: '09121234567' });
    expect(res.statusCode).toBe(503);
    expect(res.json().code).toBe('IDENTITY.MATCH_UNAVAILABLE');
    expect(await registrationEvents(t)).toEqual([]);
    expect(smsOutbox(t.config.dataDir)).toEqual([]);
  });
});
