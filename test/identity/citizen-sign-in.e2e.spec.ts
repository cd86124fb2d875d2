import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { loginStream } from '../../src/identity/auth/issue-token/issue-token.handler.js';
import { persianDigits } from '../../src/shared/jalali.js';
import { CITIZEN_PASSWORD, freshNationalId, registeredCitizen } from '../support/citizens.js';
import { call, signIn } from '../support/http.js';
import { lastCodeSentTo } from '../support/sms-outbox.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const citizen = {
  nationalId: '0499370899',
  mobile: '09121234567',
  fullName: 'زهرا احمدی',
  password: CITIZEN_PASSWORD,
};

describe('citizens register, sign in, and are throttled when guessing', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  // Each guessing test guesses from an address of its own (of TEST-NET-2): the failures it piles up on
  // its address must slow down neither the other tests' sign-ins nor the other guessing test.
  const guessers = { signIn: '198.51.100.7', password: '198.51.100.8' };
  /** A citizen of the test's own, registered and signed in once (with CITIZEN_PASSWORD). */
  const ownCitizen = async () => {
    const nationalId = freshNationalId();
    return { nationalId, token: await registeredCitizen(t.app, nationalId) };
  };

  it('registers a citizen, who signs in with the national id and sees themself at /me', async () => {
    const started = await call(t.app, 'POST', '/auth/register', { body: citizen });
    expect(started.statusCode).toBe(202);
    const registered = await call(t.app, 'POST', '/auth/register/confirm', {
      body: { registrationId: started.json().registrationId, code: lastCodeSentTo(t.app, citizen.mobile) },
    });
    expect(registered.statusCode).toBe(201);
    expect(registered.json()).toEqual({ userId: expect.any(String), username: '0499370899' });

    const res = await call(t.app, 'POST', '/auth/token', {
      body: { username: '0499370899', password: citizen.password },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 900 });

    const me = await call(t.app, 'GET', '/me', { token: res.json().accessToken });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({
      kind: 'user',
      id: registered.json().userId,
      username: '0499370899',
      displayName: 'زهرا احمدی',
      nationalId: '0499370899',
      grants: [{ role: 'citizen' }],
      authenticatedBy: 'password_token',
    });
  });

  it('refuses a second account for the same national id with 409, written in Persian digits too', async () => {
    const { nationalId } = await ownCitizen();
    const again = await call(t.app, 'POST', '/auth/register', {
      body: { ...citizen, nationalId: persianDigits(nationalId) },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('IDENTITY.NATIONAL_ID_TAKEN');
  });

  it.each([
    [{ nationalId: '0499370898' }, 'IDENTITY.INVALID_NATIONAL_ID'],
    [{ nationalId: '1111111111' }, 'IDENTITY.INVALID_NATIONAL_ID'],
    [{ mobile: '12345' }, 'IDENTITY.INVALID_MOBILE'],
    [{ password: 'short' }, 'USER.WEAK_PASSWORD'],
  ])('refuses %p with 400 %s', async (change, code) => {
    const res = await call(t.app, 'POST', '/auth/register', {
      body: { ...citizen, nationalId: '0790419904', ...change },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe(code);
  });

  it('answers a wrong password and an unknown user alike, and records both without the password', async () => {
    const { nationalId } = await ownCitizen();
    const wrong = await call(t.app, 'POST', '/auth/token', {
      body: { username: nationalId, password: 'not-the-password' },
    });
    const unknown = await call(t.app, 'POST', '/auth/token', {
      body: { username: 'nobody-here', password: 'whatever-it-is' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    const store = t.app.get<EventStore>(EVENT_STORE);
    const attempts = await store.readStream(loginStream(nationalId));
    expect(attempts.map((e) => e.type)).toEqual(['LoginSucceeded', 'LoginFailed']);
    expect(attempts[1]!.data).toMatchObject({ reason: 'wrong_password', username: nationalId });
    expect(JSON.stringify(attempts.map((e) => [e.data, e.metadata]))).not.toContain('not-the-password');
    expect((await store.readStream(loginStream('nobody-here')))[0]!.data).toMatchObject({
      reason: 'unknown_user',
    });
  });

  it('slows down, then locks, repeated failures for one username with 429 and Retry-After', async () => {
    const guess = () =>
      call(t.app, 'POST', '/auth/token', {
        body: { username: 'clerk-to-lock', password: 'guess-guess-guess' },
        remoteAddress: guessers.signIn,
      });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await guess()).statusCode);
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses[4]).toBe(429);
    const throttled = await guess();
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json().code).toBe('AUTH.SLOW_DOWN');
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // Refused attempts are counted, not written one by one: their summary comes once their window ends.
    const events = await t.app.get<EventStore>(EVENT_STORE).readStream(loginStream('clerk-to-lock'));
    expect(events.map((e) => (e.data as { reason: string }).reason)).toEqual([
      'unknown_user',
      'unknown_user',
      'unknown_user',
      'unknown_user',
    ]);
  });

  it('refuses requests without, with a forged, or with a malformed token', async () => {
    expect((await call(t.app, 'GET', '/me')).json().code).toBe('AUTH.UNAUTHENTICATED');
    const { token } = await ownCitizen();
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(86)}`;
    const res = await call(t.app, 'GET', '/me', { token: forged });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('AUTH.INVALID_TOKEN');
    const malformed = await call(t.app, 'GET', '/me', { headers: { authorization: 'Basic abc' } });
    expect(malformed.json().code).toBe('AUTH.MALFORMED_AUTHORIZATION');
    expect((await call(t.app, 'GET', '/me', { apiKey: 'dk_0123456789abcdef_nope' })).json().code).toBe(
      'AUTH.INVALID_API_KEY',
    );
  });

  it('lets a citizen change their password; the old password and the tokens issued before stop working', async () => {
    const { nationalId, token } = await ownCitizen();
    const changed = await call(t.app, 'POST', '/me/password', {
      token,
      body: { currentPassword: citizen.password, newPassword: 'another-long-secret' },
    });
    expect(changed.statusCode).toBe(204);
    expect(
      (
        await call(t.app, 'POST', '/auth/token', {
          body: { username: nationalId, password: citizen.password },
        })
      ).statusCode,
    ).toBe(401);
    const fresh = await signIn(t.app, nationalId, 'another-long-secret');
    expect((await call(t.app, 'GET', '/me', { token: fresh })).statusCode).toBe(200);
    const old = await call(t.app, 'GET', '/me', { token });
    expect(old.statusCode).toBe(401);
    expect(old.json().code).toBe('AUTH.TOKEN_REVOKED');
  });

  it('throttles guessing the current password through a stolen token like a sign-in', async () => {
    const { token } = await ownCitizen();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const res = await call(t.app, 'POST', '/me/password', {
        token,
        body: { currentPassword: `guess-number-${i}`, newPassword: 'whatever-new-secret' },
        remoteAddress: guessers.password,
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 4)).toEqual([400, 400, 400, 400]);
    expect(statuses.slice(4)).toEqual([429, 429]);
  });

  it('publishes the token key as a JWKS', async () => {
    const res = await call(t.app, 'GET', '/.well-known/jwks.json');
    expect(res.json().keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' });
  });
});
