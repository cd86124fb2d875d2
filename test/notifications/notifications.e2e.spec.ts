import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import type { NotificationView } from '../../projections/notifications/notifications.projection.js';
import { DEMO_PERMIT_PARCEL, runDemo } from '../../src/demo/walkthrough/demo-walkthrough.js';
import { DEMO_PASSWORD } from '../../src/identity/demo/demo-data.js';
import { NotificationsReadModel } from '../../src/notifications/notifications.read-model.js';
import { NotificationSender } from '../../src/notifications/send/notification-sender.js';
import { OverdueDigest } from '../../src/notifications/overdue-digest/overdue-digest.js';
import { events, history } from '../../src/permits/permit.fixtures.js';
import { PermitsReadModel } from '../../src/permits/permits.read-model.js';
import { persianDigits } from '../../src/shared/jalali.js';
import { consentFor } from '../support/citizens.js';
import { call, signIn } from '../support/http.js';
import { multipart, MULTIPART_CONTENT_TYPE } from '../support/multipart.js';
import { samplePdf } from '../support/sample-attachments.js';
import { seededFile } from '../support/seeded-permits.js';
import { smsOutbox } from '../support/sms-outbox.js';
import { startTestApp, untilReady, untilSettled, type TestApp } from '../support/test-app.js';

const CITIZEN_MOBILE = '09120000001';
const DAY_MS = 86_400_000;
const STAGES = [
  { stage: 'foundation', deadlineDays: 7 },
  { stage: 'completion', deadlineDays: 10 },
] as const;

/** Polls `read` until `done` holds of it, or fails with the last value after `timeoutMs`. */
async function until<T>(
  read: () => T | Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The notifications of one account, in the order they were queued. */
function messagesOf(t: TestApp, userId: string): NotificationView[] {
  return t.app.get(NotificationsReadModel).list({ where: { userId }, orderBy: 'queuedAt', limit: 500 }).items;
}

/** The notification SMS (those with a reference) to a mobile, in the order the provider took them. */
const notificationSms = (t: TestApp, mobile: string) =>
  smsOutbox(t.config.dataDir).filter((m) => m.to === mobile && /^\d+$/.test(m.reference ?? ''));

async function mails(t: TestApp) {
  const dir = join(t.config.dataDir, 'outbox', 'mail');
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.eml'));
  } catch {
    return [];
  }
  return Promise.all(files.map((f) => simpleParser(readFileSync(join(dir, f)))));
}

describe('notifications, as each event happens', () => {
  let t: TestApp;
  let url: string;
  const token: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const as = (user: string, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, headers = {}) =>
    call(t.app, method, path, { token: token[user]!, ...(body === undefined ? {} : { body }), headers });

  /** Opens a file on `parcel` and submits it with its papers; answers the file as submitted. */
  async function submitFile(user: string, parcel: string, headers: Record<string, string> = {}) {
    const opened = await as(
      user,
      'POST',
      '/permits',
      { renewalCode: parcel, applicationType: 'NewConstruction' },
      headers,
    );
    expect(opened.statusCode).toBe(201);
    const { permitId } = opened.json();
    for (const kind of ['ownership_deed', 'national_card', 'site_plan']) {
      const attached = await t.app.inject({
        method: 'POST',
        url: `/permits/${permitId}/attachments`,
        headers: {
          authorization: `Bearer ${token[user]}`,
          'content-type': MULTIPART_CONTENT_TYPE,
          ...headers,
        },
        payload: multipart([
          { name: 'kind', value: kind },
          {
            name: 'file',
            fileName: `${kind}.pdf`,
            content: Buffer.concat([samplePdf, Buffer.from(kind + permitId)]),
          },
        ]),
      });
      expect(attached.statusCode).toBe(201);
    }
    const submitted = await as(user, 'POST', `/permits/${permitId}/submission`, {}, headers);
    expect(submitted.statusCode).toBe(201);
    return submitted.json() as { permitId: string; trackingNumber: string };
  }

  beforeAll(async () => {
    t = await startTestApp({
      env: { DAFTAR_DEMO_DATA: 'true', DAFTAR_NOTIFY_WINDOW_SECONDS: '0', DAFTAR_QUIET_HOURS: 'off' },
    });
    await untilReady(t.app);
    await t.app.listen(0, '127.0.0.1');
    url = await t.app.getUrl();
    for (const user of ['citizen', 'clerk', 'counter_office', 'admin'])
      token[user] = await signIn(t.app, user, DEMO_PASSWORD);
    for (const user of ['citizen', 'clerk']) ids[user] = (await as(user, 'GET', '/me')).json().id;
  });
  afterAll(() => t.close());

  /** How many notifications and SMS the citizen has had so far, once earlier files' news is all sent. */
  async function citizenSoFar() {
    await untilSettled(t.app);
    const views = await until(
      () => messagesOf(t, ids['citizen']!),
      (found) => found.every((v) => v.status !== 'queued'),
    );
    return { messages: views.length, sms: notificationSms(t, CITIZEN_MOBILE).length };
  }

  it('tells the citizen each step of the demo walk-through by SMS, in order, with the tracking number', async () => {
    const before = await citizenSoFar();
    const result = await runDemo(url, () => undefined, join(t.config.dataDir, 'outbox', 'sms.jsonl'));
    const { trackingNumber } = (await as('citizen', 'GET', `/permits/${result.permitId}`)).json();
    expect(trackingNumber).toMatch(/^\d{10}$/);
    const expected = [
      'file_received',
      'survey_scheduled',
      'map_order_issued',
      'design_approved',
      'fees_assessed',
      'payment_received',
      'permit_issued',
      'payment_received',
      'permit_renewed',
      'inspection_result',
      'completion_certificate_issued',
      'parcel_inquiry_answered',
    ];
    const sent = await until(
      () => messagesOf(t, ids['citizen']!).slice(before.messages),
      (views) => views.length >= expected.length && views.every((v) => v.status === 'sent'),
    );
    expect(sent.map((v) => v.topics).flat()).toEqual(expected);
    expect(sent.every((v) => v.channel === 'sms' && v.to === '0912***0001' && v.attempts === 1)).toBe(true);

    const texts = notificationSms(t, CITIZEN_MOBILE)
      .slice(before.sms)
      .map((m) => m.text);
    expect(texts).toHaveLength(expected.length);
    for (const text of texts.slice(0, -1)) expect(text).toContain(persianDigits(trackingNumber));
    expect(texts[0]).toContain('دریافت شد');
    expect(texts[6]).toContain(`/v/${encodeURIComponent(result.permitDocument)}`);
    // The owner hears of the notary's inquiry about their parcel, with the inquiry's own number.
    const notary = await signIn(t.app, 'notary', DEMO_PASSWORD);
    const [inquiry] = (await call(t.app, 'GET', '/inquiries', { token: notary })).json().items;
    expect(texts.at(-1)).toContain(persianDigits(inquiry.trackingNumber));
  });

  it('lets a person choose channels, an email address and a language, and keeps to them', async () => {
    const before = await as('citizen', 'GET', '/me/notifications');
    expect(before.json()).toEqual({
      channels: ['sms'],
      language: 'fa',
      mobile: '0912***0001',
      chosen: false,
    });

    const noAddress = await as('citizen', 'PUT', '/me/notifications', {
      channels: ['email'],
      language: 'fa',
    });
    expect(noAddress.statusCode).toBe(400);
    expect(noAddress.json().code).toBe('USER.EMAIL_REQUIRED');
    const badChannel = await as('citizen', 'PUT', '/me/notifications', { channels: ['fax'], language: 'fa' });
    expect(badChannel.statusCode).toBe(400);

    // The walk-through expects the citizen's default again: SMS in Persian.
    try {
      const chosen = await as('citizen', 'PUT', '/me/notifications', {
        channels: ['sms', 'email'],
        email: 'Zahra.Ahmadi@Example.org',
        language: 'en',
      });
      expect(chosen.statusCode).toBe(200);
      expect(chosen.json()).toEqual({
        channels: ['sms', 'email'],
        email: 'zahra.ahmadi@example.org',
        language: 'en',
        mobile: '0912***0001',
        chosen: true,
      });

      const { trackingNumber } = await submitFile('citizen', DEMO_PERMIT_PARCEL);
      const [mail] = await until(
        () => mails(t),
        (found) => found.some((m) => m.text?.includes(trackingNumber)),
      ).then((found) => found.filter((m) => m.text?.includes(trackingNumber)));
      expect(mail!.to).toMatchObject({ value: [{ address: 'zahra.ahmadi@example.org' }] });
      expect(mail!.headers.get('content-language')).toBe('en');
      expect(mail!.messageId).toMatch(/^<[0-9a-f]{32}@localhost>$/);
      // Earlier files' news may reach the same phone meanwhile: the SMS about this file.
      const sms = await until(
        () => notificationSms(t, CITIZEN_MOBILE).filter((m) => m.text.includes(trackingNumber)),
        (found) => found.length > 0,
      );
      expect(sms[0]!.text).toContain(trackingNumber);
      expect(sms[0]!.text).toMatch(/received/i);

      const key = (
        await as('admin', 'POST', '/api-keys', {
          organisation: 'counter-office-3',
          label: 'software',
          permissions: ['feed:read'],
        })
      ).json().key as string;
      const byKey = await call(t.app, 'GET', '/me/notifications', { apiKey: key });
      expect(byKey.statusCode).toBe(409);
      expect(byKey.json().code).toBe('USER.NO_ACCOUNT');
    } finally {
      await as('citizen', 'PUT', '/me/notifications', { channels: ['sms'], language: 'fa' });
    }
  });

  it('records a skip when the person has no account to reach them by', async () => {
    const owner = '3860123459';
    const consent = await consentFor(t.app, token['counter_office']!, owner);
    const { permitId } = await submitFile('counter_office', '1-1-1-2-0-0-0', {
      'x-on-behalf-of': owner,
      'x-consent': consent,
    });
    const skipped = await until(
      () =>
        t.app
          .get(NotificationsReadModel)
          .list({ where: { status: 'skipped', userId: null }, limit: 50 })
          .items.filter((v) => v.topics.includes('file_received')),
      (found) => found.length > 0,
    );
    expect(skipped[0]).toMatchObject({ to: '********59', lastError: 'no_account' });
    expect(permitId).toEqual(expect.any(String));
  });

  it('gives each clerk a daily digest of their overdue worklist, once a day', async () => {
    await as('clerk', 'PUT', '/me/notifications', {
      channels: ['email'],
      email: 'clerk@example.org',
      language: 'fa',
    });
    const { trackingNumber } = await submitFile('citizen', DEMO_PERMIT_PARCEL);
    const later = new Date(Date.now() + 30 * DAY_MS);
    const digest = t.app.get(OverdueDigest);
    expect(await digest.run(later)).toBeGreaterThan(0);
    await digest.run(later);
    const queued = await until(
      () => messagesOf(t, ids['clerk']!).filter((v) => v.topics.includes('overdue_digest')),
      (found) => found.length > 0,
    );
    expect(queued).toHaveLength(1);
    await t.app.get(NotificationSender).sendDue(new Date(later.getTime() + 10_000));
    const [mail] = (await mails(t)).filter((m) => m.to && JSON.stringify(m.to).includes('clerk@example.org'));
    expect(mail!.text).toContain(persianDigits(trackingNumber));
  });

  it('gives the building inspector a digest line for a stage inspection past its deadline', async () => {
    token['inspector'] = await signIn(t.app, 'inspector', DEMO_PASSWORD);
    ids['inspector'] = (await as('inspector', 'GET', '/me')).json().id;
    await as('inspector', 'PUT', '/me/notifications', {
      channels: ['email'],
      email: 'inspector@example.org',
      language: 'fa',
    });
    const issued = { ...events.issued, data: { ...events.issued.data, inspectionStages: STAGES } };
    const permitId = await seededFile(t.app, [...history.issued.slice(0, -1), issued]);
    // The reaction assigns the foundation stage to the city's inspector, due 7 days on.
    const file = await until(
      () => t.app.get(PermitsReadModel).get(permitId),
      (view) => view?.inspectorId === ids['inspector'],
    );
    const digests = () => messagesOf(t, ids['inspector']!).filter((v) => v.topics.includes('overdue_digest'));
    const digest = t.app.get(OverdueDigest);
    // A minute before the deadline it is not overdue; a digest queued then would be projected first.
    await digest.run(new Date(Date.parse(file!.inspectionDueBy!) - 60_000));
    const later = new Date(Date.now() + 31 * DAY_MS);
    await digest.run(later);
    const [queued, ...more] = await until(digests, (found) => found.length > 0);
    expect(more).toEqual([]);
    expect(queued!.dueAt).toBe(later.toISOString());
    await t.app.get(NotificationSender).sendDue(new Date(later.getTime() + 10_000));
    const mail = (await mails(t)).find((m) => JSON.stringify(m.to).includes('inspector@example.org'));
    expect(mail!.text).toContain(`بازرسی ${persianDigits(file!.trackingNumber!)}، مرحله پی، مهلت:`);
  });
});

describe('notifications without floods', () => {
  let t: TestApp;
  let token: string;
  let clerk: string;
  let userId: string;

  beforeAll(async () => {
    // Quiet from now until an hour from now, Tehran time, so that this run is inside them.
    const minute = (at: number) => {
      const [h, m] = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tehran', timeStyle: 'short' })
        .format(at)
        .split(':');
      return `${h}:${m}`;
    };
    t = await startTestApp({
      env: {
        DAFTAR_DEMO_DATA: 'true',
        DAFTAR_NOTIFY_WINDOW_SECONDS: '3600',
        DAFTAR_QUIET_HOURS: `${minute(Date.now() - 60_000)}-${minute(Date.now() + 3_600_000)}`,
      },
    });
    await untilReady(t.app);
    token = await signIn(t.app, 'citizen', DEMO_PASSWORD);
    clerk = await signIn(t.app, 'clerk', DEMO_PASSWORD);
    userId = (await call(t.app, 'GET', '/me', { token })).json().id;
  });
  afterAll(() => t.close());

  it('sends the news of one window as one email, and a night’s SMS news as one SMS when quiet hours end', async () => {
    await call(t.app, 'PUT', '/me/notifications', {
      token,
      body: { channels: ['sms', 'email'], email: 'zahra@example.org', language: 'fa' },
    });
    // Both events must fall in one hour's window: wait out the last seconds of an hour.
    const intoHour = Date.now() % 3_600_000;
    if (intoHour > 3_590_000) await new Promise((resolve) => setTimeout(resolve, 3_600_000 - intoHour + 100));
    const opened = await call(t.app, 'POST', '/permits', {
      token,
      body: { renewalCode: DEMO_PERMIT_PARCEL, applicationType: 'NewConstruction' },
    });
    const { permitId, trackingNumber } = opened.json();
    for (const kind of ['ownership_deed', 'national_card', 'site_plan']) {
      await t.app.inject({
        method: 'POST',
        url: `/permits/${permitId}/attachments`,
        headers: { authorization: `Bearer ${token}`, 'content-type': MULTIPART_CONTENT_TYPE },
        payload: multipart([
          { name: 'kind', value: kind },
          { name: 'file', fileName: `${kind}.pdf`, content: Buffer.concat([samplePdf, Buffer.from(kind)]) },
        ]),
      });
    }
    expect(
      (await call(t.app, 'POST', `/permits/${permitId}/submission`, { token, body: {} })).statusCode,
    ).toBe(201);
    await call(t.app, 'POST', `/permits/${permitId}/take`, { token: clerk, body: {} });
    const returned = await call(t.app, 'POST', `/permits/${permitId}/return`, {
      token: clerk,
      body: { reasons: [{ reason: 'سند مالکیت خوانا نیست' }] },
    });
    expect(returned.statusCode).toBe(201);

    const messages = await until(
      () => messagesOf(t, userId),
      (views) => views.length === 2 && views.every((v) => v.topics.length === 2),
    );
    const email = messages.find((m) => m.channel === 'email')!;
    const sms = messages.find((m) => m.channel === 'sms')!;
    expect(email).toMatchObject({ topics: ['file_received', 'file_returned'], status: 'queued' });
    expect(sms).toMatchObject({
      topics: ['file_received', 'file_returned'],
      status: 'queued',
      urgent: false,
    });
    expect(Date.parse(email.dueAt) % 3_600_000).toBe(0);
    // The SMS waits for the end of quiet hours, an hour from the start of this run.
    expect(Date.parse(sms.dueAt)).toBeGreaterThan(Date.now() + 50 * 60_000);

    const sender = t.app.get(NotificationSender);
    const emailDue = new Date(Date.parse(email.dueAt) + 5_000);
    await sender.sendDue(emailDue);
    const afterEmail = await until(
      () => messagesOf(t, userId),
      (views) => views.find((v) => v.channel === 'email')!.status === 'sent',
    );
    if (emailDue.getTime() < Date.parse(sms.dueAt)) {
      expect(afterEmail.find((v) => v.channel === 'sms')!.status).toBe('queued');
      expect(notificationSms(t, CITIZEN_MOBILE)).toHaveLength(0);
    }
    await sender.sendDue(new Date(Date.parse(sms.dueAt) + 5_000));
    await until(
      () => messagesOf(t, userId),
      (views) => views.every((v) => v.status === 'sent' && v.attempts === 1),
    );
    const texts = notificationSms(t, CITIZEN_MOBILE);
    expect(texts).toHaveLength(1);
    expect(texts[0]!.text).toContain(persianDigits(trackingNumber));
    expect(texts[0]!.text).toContain('سند مالکیت خوانا نیست');
    expect(texts[0]!.text).toContain('۲ خبر');
    const [mail] = (await mails(t)).filter((m) => m.text?.includes(persianDigits(trackingNumber)));
    expect(mail!.subject).toContain('۲');
  });
});

describe('notifications when the SMS provider fails', () => {
  let t: TestApp;
  let provider: Server;
  const received: { localid: string; receptor: string }[] = [];
  let failNext = true;

  beforeAll(async () => {
    provider = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        const form = new URLSearchParams(body);
        received.push({ localid: form.get('localid') ?? '', receptor: form.get('receptor') ?? '' });
        const status = failNext ? 503 : 200;
        failNext = false;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ return: { status, message: status === 200 ? 'تایید شد' : 'busy' } }));
      });
    });
    await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
    const { port } = provider.address() as AddressInfo;
    t = await startTestApp({
      env: {
        DAFTAR_DEMO_DATA: 'true',
        DAFTAR_NOTIFY_WINDOW_SECONDS: '0',
        DAFTAR_QUIET_HOURS: 'off',
        DAFTAR_SMS_URL: `http://127.0.0.1:${port}`,
        DAFTAR_SMS_KEY: 'test-key',
        DAFTAR_SMS_SENDER: '10004346',
      },
    });
    await untilReady(t.app);
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => provider.close(resolve));
  });

  it('records the failure, tries again after the backoff with the same key, and records the send once', async () => {
    const token = await signIn(t.app, 'citizen', DEMO_PASSWORD);
    const userId = (await call(t.app, 'GET', '/me', { token })).json().id;
    await call(t.app, 'POST', '/permits', {
      token,
      body: { renewalCode: DEMO_PERMIT_PARCEL, applicationType: 'NewConstruction' },
    });
    const opened = (await call(t.app, 'GET', '/permits', { token })).json().items[0];
    for (const kind of ['ownership_deed', 'national_card', 'site_plan']) {
      await t.app.inject({
        method: 'POST',
        url: `/permits/${opened.permitId}/attachments`,
        headers: { authorization: `Bearer ${token}`, 'content-type': MULTIPART_CONTENT_TYPE },
        payload: multipart([
          { name: 'kind', value: kind },
          { name: 'file', fileName: `${kind}.pdf`, content: Buffer.concat([samplePdf, Buffer.from(kind)]) },
        ]),
      });
    }
    await call(t.app, 'POST', `/permits/${opened.permitId}/submission`, { token, body: {} });

    const [failed] = await until(
      () => messagesOf(t, userId),
      (views) => views.length === 1 && views[0]!.attempts === 1,
    );
    expect(failed).toMatchObject({ status: 'queued', lastError: expect.stringContaining('SMS provider') });
    const retryIn = Date.parse(failed!.dueAt) - Date.parse(failed!.updatedAt);
    expect(retryIn).toBe(30_000);

    await t.app.get(NotificationSender).sendDue(new Date(Date.parse(failed!.dueAt) + 5_000));
    const [sent] = await until(
      () => messagesOf(t, userId),
      (views) => views[0]!.status === 'sent',
    );
    expect(sent!.attempts).toBe(2);
    const attempts = received.filter((r) => r.receptor === CITIZEN_MOBILE);
    expect(attempts).toHaveLength(2);
    expect(attempts[1]!.localid).toBe(attempts[0]!.localid);
    expect(attempts[0]!.localid).toMatch(/^\d+$/);
  });
});
