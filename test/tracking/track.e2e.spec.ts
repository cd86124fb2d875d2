import { AuditTrail } from '../../src/audit/audit-trail.js';
import type { BackgroundAuditTrail } from '../../src/audit/record-access/background-audit-trail.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { DEMO_PASSWORD } from '../../src/identity/demo/demo-data.js';
import { persianDigits } from '../../src/shared/jalali.js';
import { PERMIT_NEXT_STEPS } from '../../src/tracking/next-step.js';
import { trackingNumberFor } from '../../src/tracking/tracking-number.js';
import { consentFor, registeredCitizen } from '../support/citizens.js';
import { call, signIn, type CallOptions } from '../support/http.js';
import { personalDataIn } from '../support/personal-data.js';
import { startTestApp, untilReady, untilSettled, type TestApp } from '../support/test-app.js';

/** The demo citizen's parcel, which owes nothing, and their registered mobile. */
const PARCEL = '1-1-1-1-0-0-0';
const OWNER_MOBILE = '09120000001';
const OWNER = '0013542419';
const OTHER = '0499370899';
const TRACKING_NUMBER = /^[1-9]\d{9}$/;

describe('tracking numbers (کد رهگیری) and GET /track/:trackingNumber', () => {
  let t: TestApp;
  const logged: string[] = [];
  const token: Record<string, string> = {};
  let addresses = 0;
  /** Each test its own client address (behind the trusted proxy), so the rate limit counts it alone. */
  const fromNewAddress = () => ({ 'x-forwarded-for': `198.51.100.${(addresses += 1)}` });

  const as = (who: string | undefined, method: 'GET' | 'POST', url: string, options: CallOptions = {}) =>
    call(t.app, method, url, { ...(who ? { token: token[who]! } : {}), ...options });
  const track = (
    n: string,
    who?: string,
    mobile?: string,
    headers: Record<string, string> = fromNewAddress(),
  ) => as(who, 'GET', `/track/${n}${mobile === undefined ? '' : `?mobile=${mobile}`}`, { headers });
  const openPermit = async () => {
    const res = await as('citizen', 'POST', '/permits', {
      body: { renewalCode: PARCEL, applicationType: 'NewConstruction' },
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { permitId: string; trackingNumber: string; status: string };
  };
  const fileInquiry = (who: string, kind: string, requesterReference: string) =>
    as(who, 'POST', '/inquiries', {
      body: { kind, renewalCode: PARCEL, requesterReference, purpose: 'sale of the property' },
    });
  const withWrongCheckDigit = (n: string) => `${n.slice(0, 9)}${(Number(n[9]) + 1) % 10}`;
  type AccessLogEntry = { what: string; subject: string; reader: { role: string } };
  /** The demo citizen's access log entries about `subject`, once the background trail wrote what it holds. */
  const accessLogAbout = async (subject: string) => {
    await (t.app.get(AuditTrail) as BackgroundAuditTrail).flush();
    await untilSettled(t.app);
    const items = (await as('citizen', 'GET', '/me/access-log?pageSize=100')).json()
      .items as AccessLogEntry[];
    return items.filter((e) => e.subject === subject);
  };

  beforeAll(async () => {
    t = await startTestApp({
      env: {
        DAFTAR_DEMO_DATA: 'true',
        DAFTAR_TRACK_RATE_LIMIT: '5',
        DAFTAR_TRUSTED_PROXIES: '127.0.0.1',
        LOG_LEVEL: 'info',
      },
      logTo: { write: (line: string) => void logged.push(line) },
    });
    await untilReady(t.app);
    for (const user of ['citizen', 'notary', 'clerk', 'counter_office'])
      token[user] = await signIn(t.app, user, DEMO_PASSWORD);
    token['other'] = await registeredCitizen(t.app, OTHER);
  }, 120_000);
  afterAll(() => t.close());

  it('gives a new permit file a tracking number, shown in every answer about it', async () => {
    const opened = await openPermit();
    expect(opened.trackingNumber).toMatch(TRACKING_NUMBER);
    const { permitId, trackingNumber } = opened;
    expect((await as('citizen', 'GET', `/permits/${permitId}`)).json()).toMatchObject({ trackingNumber });
    const list = (await as('citizen', 'GET', '/permits')).json() as { items: object[] };
    expect(list.items).toContainEqual(expect.objectContaining({ permitId, trackingNumber }));
    const timeline = (await as('citizen', 'GET', `/permits/${permitId}/timeline`)).json();
    expect(timeline).toMatchObject({ permitId, trackingNumber });
    const withdrawn = await as('citizen', 'POST', `/permits/${permitId}/withdrawal`, { body: {} });
    expect(withdrawn.json()).toMatchObject({ trackingNumber, status: 'withdrawn' });
  });

  it('claims no number for an application the decider refuses', async () => {
    const store = t.app.get<EventStore>(EVENT_STORE);
    const before = await store.headPosition();
    const refused = await as('other', 'POST', '/permits', {
      body: { renewalCode: PARCEL, applicationType: 'NewConstruction' },
    });
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'PERMIT.NOT_PARCEL_OWNER']);
    const { events } = await store.readAll(before);
    expect(events.filter((e) => e.type === 'TrackingNumberClaimed')).toEqual([]);
  });

  it('answers the signed-in owner with the file, its status and the next step', async () => {
    const { permitId, trackingNumber } = await openPermit();
    const res = await track(trackingNumber, 'citizen');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toEqual({
      trackingNumber,
      kind: 'permit',
      id: permitId,
      municipality: 'hamedan',
      status: 'draft',
      statusSince: expect.any(String),
      nextStep: PERMIT_NEXT_STEPS.draft,
    });
  });

  it('answers anyone with the owner’s mobile with the status only, and tells the owner of it', async () => {
    const { trackingNumber } = await openPermit();
    const res = await track(trackingNumber, undefined, OWNER_MOBILE);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      trackingNumber,
      kind: 'permit',
      status: 'draft',
      statusSince: expect.any(String),
    });
    expect(personalDataIn(res.json())).toEqual([]);
    // Persian digits and +98 are the same mobile.
    expect(
      (await track(trackingNumber, undefined, `%2B98${persianDigits(OWNER_MOBILE.slice(1))}`)).statusCode,
    ).toBe(200);

    expect(await accessLogAbout(trackingNumber)).toContainEqual(
      expect.objectContaining({
        what: 'file_status',
        subject: trackingNumber,
        reader: { role: 'anonymous' },
      }),
    );
  });

  it('answers 404, the same each time, for another mobile, another citizen, and an unknown number', async () => {
    const { trackingNumber } = await openPermit();
    const unknown = trackingNumberFor('permit-never-opened', 0);
    const refusals = [
      await track(trackingNumber, undefined, '09129999999'),
      await track(trackingNumber, 'other'),
      await track(trackingNumber, 'clerk'),
      await track(trackingNumber),
    ];
    const notOurs = await track(unknown, undefined, OWNER_MOBILE);
    for (const res of [...refusals, notOurs]) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'TRACKING.NOT_FOUND', detail: refusals[0]!.json().detail });
    }
  });

  it('answers 400 for a malformed mobile whether or not the number exists', async () => {
    const { trackingNumber } = await openPermit();
    const unknown = trackingNumberFor('permit-never-opened', 0);
    for (const n of [trackingNumber, unknown]) {
      const res = await track(n, undefined, '12345');
      expect([res.statusCode, res.json().code]).toEqual([400, 'IDENTITY.INVALID_MOBILE']);
    }
  });

  it('stops look-ups of a number by mobile for an hour after 5 wrong mobiles, even with the right one', async () => {
    const { trackingNumber } = await openPermit();
    const other = await openPermit();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1)
      statuses.push((await track(trackingNumber, undefined, `0912999999${i}`)).statusCode);
    expect(statuses).toEqual([404, 404, 404, 404, 404]);
    const locked = await track(trackingNumber, undefined, OWNER_MOBILE);
    expect(locked.statusCode).toBe(404);
    expect(locked.json()).toMatchObject({ code: 'TRACKING.NOT_FOUND' });
    // The owner signed in still sees the file, and the lock is the number's alone.
    expect((await track(trackingNumber, 'citizen')).statusCode).toBe(200);
    expect((await track(other.trackingNumber, undefined, OWNER_MOBILE)).statusCode).toBe(200);
    const warnings = logged.filter((line) => line.includes('wrong mobile') && line.includes(trackingNumber));
    expect(warnings).toHaveLength(5);
    expect(warnings.filter((line) => /0912999999\d/.test(line))).toEqual([]);
  });

  it('records a counter office’s look-up for the owner in their access log, not the owner’s own', async () => {
    const { trackingNumber } = await openPermit();
    expect((await track(trackingNumber, 'citizen')).statusCode).toBe(200);
    await consentFor(t.app, token['counter_office']!, OWNER);
    const forOwner = await track(trackingNumber, 'counter_office', undefined, {
      ...fromNewAddress(),
      'x-on-behalf-of': OWNER,
    });
    expect(forOwner.json()).toMatchObject({ trackingNumber, kind: 'permit', id: expect.any(String) });
    expect(await accessLogAbout(trackingNumber)).toEqual([
      expect.objectContaining({
        what: 'file_status',
        subject: trackingNumber,
        reader: expect.objectContaining({ role: 'counter_office' }),
      }),
    ]);
  });

  it('answers 400 for a number whose check digit is wrong, or that is no tracking number', async () => {
    const { trackingNumber } = await openPermit();
    for (const n of [withWrongCheckDigit(trackingNumber), '0013542419', '12345', 'abcdefghij']) {
      const res = await track(n, 'citizen');
      expect([res.statusCode, res.json().code]).toEqual([400, 'TRACKING.INVALID']);
    }
  });

  it('limits look-ups per address, with Retry-After, but not the owner’s own', async () => {
    const { trackingNumber } = await openPermit();
    const headers = fromNewAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1)
      statuses.push((await track(trackingNumber, undefined, OWNER_MOBILE, headers)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await track(trackingNumber, undefined, undefined, headers);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await track(trackingNumber, 'citizen', undefined, headers)).statusCode).toBe(200);
  });

  it('keeps the mobile out of the request log', async () => {
    const { trackingNumber } = await openPermit();
    await track(trackingNumber, undefined, OWNER_MOBILE);
    await track(trackingNumber, undefined, '09129999999');
    expect(logged.some((line) => line.includes(`/track/${trackingNumber}`))).toBe(true);
    expect(logged.filter((line) => line.includes(OWNER_MOBILE) || line.includes('09129999999'))).toEqual([]);
  });

  it('claims no number for an inquiry the decider refuses', async () => {
    const store = t.app.get<EventStore>(EVENT_STORE);
    const before = await store.headPosition();
    const refused = await fileInquiry('other', 'NoViolation', 'C-TRACK-REFUSED');
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'INQUIRY.NOT_PARCEL_OWNER']);
    const { events } = await store.readAll(before);
    expect(events.filter((e) => e.type === 'TrackingNumberClaimed')).toEqual([]);
  });

  it('gives an inquiry filed again with the same reference the same number, on its signed answer too', async () => {
    const first = await fileInquiry('notary', 'Transfer', 'N12-TRACK-1');
    expect(first.statusCode).toBe(201);
    const inquiry = first.json();
    expect(inquiry.trackingNumber).toMatch(TRACKING_NUMBER);
    const again = await fileInquiry('notary', 'Transfer', 'N12-TRACK-1');
    expect([again.statusCode, again.json().trackingNumber]).toEqual([200, inquiry.trackingNumber]);
    const read = await as('notary', 'GET', `/inquiries/${inquiry.inquiryId}`);
    expect(read.json()).toMatchObject({ trackingNumber: inquiry.trackingNumber });

    const content = (await as('notary', 'GET', `/documents/${inquiry.document.code}/content.json`)).json();
    expect(content.body).toMatchObject({ trackingNumber: inquiry.trackingNumber });
    const page = await as('citizen', 'GET', `/documents/${inquiry.document.code}`, {
      headers: { accept: 'text/html' },
    });
    // As the inquiry's number, typed as printed: left to right, its own digits.
    expect(page.body).toContain('شماره استعلام (کد رهگیری)');
    expect(page.body).toContain(`<bdi dir="ltr">${inquiry.trackingNumber}</bdi>`);
    expect(page.body).not.toContain(inquiry.inquiryId);
    expect((await call(t.app, 'GET', `/v/${inquiry.document.code}`)).json()).toMatchObject({
      status: 'valid',
      signature: { valid: true },
    });

    const tracked = await track(inquiry.trackingNumber, 'notary');
    expect(tracked.json()).toMatchObject({ kind: 'inquiry', id: inquiry.inquiryId, status: 'answered' });
    // An organisation's inquiry has no citizen whose mobile could open it.
    expect((await track(inquiry.trackingNumber, undefined, OWNER_MOBILE)).statusCode).toBe(404);
  });

  it('gives a citizen’s repeated inquiry its number, and its owner the status by mobile', async () => {
    const first = (await fileInquiry('citizen', 'NoViolation', 'C-TRACK-1')).json();
    const again = (await fileInquiry('citizen', 'NoViolation', 'C-TRACK-1')).json();
    expect(again.trackingNumber).toBe(first.trackingNumber);
    const res = await track(first.trackingNumber, undefined, OWNER_MOBILE);
    expect(res.json()).toEqual({
      trackingNumber: first.trackingNumber,
      kind: 'inquiry',
      status: first.status,
      statusSince: expect.any(String),
    });
  });

  it('never gives two files one number', async () => {
    const numbers = [
      ...(await Promise.all([openPermit(), openPermit(), openPermit()])).map((p) => p.trackingNumber),
      (await fileInquiry('notary', 'Transfer', 'N12-TRACK-2')).json().trackingNumber,
      (await fileInquiry('notary', 'Transfer', 'N12-TRACK-3')).json().trackingNumber,
    ];
    expect(new Set(numbers).size).toBe(numbers.length);
  });
});
