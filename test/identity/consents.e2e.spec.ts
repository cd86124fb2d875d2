import { DEMO_PASSWORD } from '../../src/identity/demo/demo-data.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { consentFor, mobileOf, registeredCitizen } from '../support/citizens.js';
import { call, signIn } from '../support/http.js';
import { lastCodeSentTo, smsOutbox } from '../support/sms-outbox.js';
import { startTestApp, untilReady, type TestApp } from '../support/test-app.js';

const OWNER = '0013542419';
const PARCEL = '1-1-1-1-0-0-0';

describe('a counter office acts for a citizen only with their consent', () => {
  let t: TestApp;
  let counter: string;
  let citizen: string;
  beforeAll(async () => {
    t = await startTestApp({ env: { DAFTAR_DEMO_DATA: 'true' } });
    await untilReady(t.app);
    counter = await signIn(t.app, 'counter_office', DEMO_PASSWORD);
    citizen = await signIn(t.app, 'citizen', DEMO_PASSWORD);
  }, 120_000);
  afterAll(() => t.close());

  // Each case starts with no live consent of the owner's: the ones that need it get their own.
  beforeEach(async () => {
    const { items } = (await call(t.app, 'GET', '/consents', { token: citizen })).json();
    for (const c of items.filter((c: { live: boolean }) => c.live)) {
      const withdrawn = await call(t.app, 'POST', `/consents/${c.consentId}/withdraw`, { token: citizen });
      expect(withdrawn.statusCode).toBe(204);
    }
  });

  const openFor = (nationalId: string) =>
    call(t.app, 'POST', '/permits', {
      token: counter,
      headers: { 'x-on-behalf-of': nationalId },
      body: { renewalCode: PARCEL, applicationType: 'NewConstruction' },
    });

  it('refuses to act without a consent: 403 ACCESS.NO_CONSENT, nothing written', async () => {
    const res = await openFor(OWNER);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('ACCESS.NO_CONSENT');
    const lookup = await call(t.app, 'GET', `/parcels/${PARCEL}`, {
      token: counter,
      headers: { 'x-on-behalf-of': OWNER },
    });
    expect(lookup.statusCode).toBe(403);
  });

  it("sends the code to the citizen's own account mobile; a wrong code is 422; the right one grants it", async () => {
    const asked = await call(t.app, 'POST', '/consents', {
      token: counter,
      body: { nationalId: OWNER, mobile: '09350000000' },
    });
    expect(asked.statusCode).toBe(202);
    expect(asked.json()).toMatchObject({ consentId: expect.any(String), sentTo: '0912***0001' });
    const { consentId } = asked.json();
    const message = smsOutbox(t.config.dataDir).at(-1)!;
    expect(message.to).toBe('09120000001');
    expect(message.text).toContain('دفتر پیشخوان شماره ۳');
    const code = lastCodeSentTo(t.app, '09120000001');
    const wrong = await call(t.app, 'POST', `/consents/${consentId}/confirm`, {
      token: counter,
      body: { code: code === '000000' ? '111111' : '000000' },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ code: 'CONSENT.WRONG_CODE', details: { triesLeft: 4 } });
    expect((await openFor(OWNER)).statusCode).toBe(403);

    const granted = await call(t.app, 'POST', `/consents/${consentId}/confirm`, {
      token: counter,
      body: { code },
    });
    expect(granted.statusCode).toBe(200);
    const hours = (Date.parse(granted.json().validUntil) - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(7.9);
    expect(hours).toBeLessThanOrEqual(8);
  });

  it('with the consent, the office acts and the events name the office, the citizen and the consent', async () => {
    const consentId = await consentFor(t.app, counter, OWNER);
    const consent = (await call(t.app, 'GET', '/consents', { token: citizen }))
      .json()
      .items.find((c: { consentId: string }) => c.consentId === consentId);
    expect(consent).toMatchObject({ status: 'granted', live: true, office: 'counter-office-3' });
    const opened = await openFor(OWNER);
    expect(opened.statusCode).toBe(201);
    const [event] = await t.app.get<EventStore>(EVENT_STORE).readStream(`permit-${opened.json().permitId}`);
    expect(event!.metadata.actor).toMatchObject({
      role: 'counter_office',
      office: 'counter-office-3',
      onBehalfOf: OWNER,
      consent: consent.consentId,
    });
  });

  it("another office's consent does not count, and it cannot confirm this office's request", async () => {
    const other = await call(t.app, 'GET', '/consents', { token: counter });
    expect(other.json().items.every((c: { office: string }) => c.office === 'counter-office-3')).toBe(true);
    const asked = await call(t.app, 'POST', '/consents', { token: counter, body: { nationalId: OWNER } });
    const { consentId } = asked.json();
    const stranger = await call(t.app, 'POST', `/consents/${consentId}/confirm`, {
      token: citizen,
      body: { code: '123456' },
    });
    expect(stranger.statusCode).toBe(403);
  });

  it('after the citizen withdraws it, the office is refused again at once', async () => {
    await consentFor(t.app, counter, OWNER);
    const live = (await call(t.app, 'GET', '/consents', { token: citizen }))
      .json()
      .items.filter((c: { live: boolean }) => c.live);
    for (const c of live) {
      const res = await call(t.app, 'POST', `/consents/${c.consentId}/withdraw`, { token: citizen });
      expect(res.statusCode).toBe(204);
    }
    expect((await openFor(OWNER)).json().code).toBe('ACCESS.NO_CONSENT');
    const after = (await call(t.app, 'GET', '/consents', { token: citizen })).json().items;
    expect(live.length).toBe(1);
    expect(after.find((c: { consentId: string }) => c.consentId === live[0].consentId).status).toBe(
      'withdrawn',
    );
  });

  it("a citizen cannot withdraw someone else's consent", async () => {
    const other = '0499370899';
    const otherToken = await registeredCitizen(t.app, other);
    const consentId = await consentFor(t.app, counter, OWNER);
    const res = await call(t.app, 'POST', `/consents/${consentId}/withdraw`, { token: otherToken });
    expect(res.statusCode).toBe(404);
    expect((await openFor(OWNER)).statusCode).toBe(201);
  });

  it('reaches a citizen without an account through the mobile the identity registry holds for them', async () => {
    const nationalId = '3860123459';
    const noMobile = await call(t.app, 'POST', '/consents', { token: counter, body: { nationalId } });
    expect(noMobile.json().code).toBe('CONSENT.MOBILE_REQUIRED');
    const mismatch = await call(t.app, 'POST', '/consents', {
      token: counter,
      body: { nationalId, mobile: '09351234567' },
    });
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json().code).toBe('IDENTITY.MOBILE_MISMATCH');
    await consentFor(t.app, counter, nationalId);
    expect(smsOutbox(t.config.dataDir).at(-1)!.to).toBe(mobileOf(nationalId));
  });
});
