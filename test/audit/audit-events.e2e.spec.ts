import { parse } from 'csv-parse/sync';
import { AuditTrail } from '../../src/audit/audit-trail.js';
import type { BackgroundAuditTrail } from '../../src/audit/record-access/background-audit-trail.js';
import type { Actor } from '../../src/event-store/event-envelope.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { SubscriberRunner } from '../../src/event-store/subscriptions/subscriber-runner.js';
import { permitStream, type PermitEvent } from '../../src/permits/permit.events.js';
import { events as e } from '../../src/permits/permit.fixtures.js';
import { newId } from '../../src/shared/ids.js';
import { appWithUsers } from '../support/oversight-app.js';
import { call } from '../support/http.js';
import { untilSettled, type TestApp } from '../support/test-app.js';

const APPLICANT = '0013542419';
const AUDIT_ROUTES = ['/audit/events', '/audit/events/x', '/audit/users/x/activity'];

describe('the audit log over HTTP', () => {
  let t: TestApp;
  let token: Record<string, string>;
  let userId: Record<string, string>;
  const permit: Record<string, string> = {};
  const eventIds: string[] = [];

  const get = (url: string, who: string, headers: Record<string, string> = {}) =>
    call(t.app, 'GET', url, { token: token[who]!, headers });

  /** A permit file opened by a citizen and handled by a clerk, recorded `hoursAgo` hours ago. */
  async function seedPermit(
    name: string,
    municipality: string,
    clerk: string,
    hoursAgo: number,
  ): Promise<void> {
    const permitId = newId();
    const citizen: Actor = { id: 'user-citizen', role: 'citizen' };
    const staff: Actor = { id: userId[clerk]!, role: 'clerk', municipality };
    const steps: [PermitEvent, Actor][] = [
      [
        {
          ...e.opened,
          data: {
            ...e.opened.data,
            permitId,
            municipality,
            applicantNationalId: APPLICANT,
            renewalCode: '1-1-1-1-0-0-0',
          },
        },
        citizen,
      ],
      [{ ...e.submitted, data: { permitId } }, citizen],
      [{ ...e.taken, data: { permitId, clerkId: userId[clerk]! } }, staff],
      [
        { type: 'PermitReturned', data: { permitId, reasons: [{ reason: 'سند مالکیت ناخوانا است' }] } },
        staff,
      ],
    ];
    const start = Date.now() - hoursAgo * 3_600_000;
    const appended = steps.map(([event, actor], i) => {
      const id = newId();
      eventIds.push(id);
      return {
        id,
        ...event,
        metadata: {
          actor,
          correlationId: id,
          causationId: id,
          recordedAt: new Date(start + i * 60_000).toISOString(),
          schemaVersion: 1,
          requestDigest: 'secret-request-digest',
        },
      };
    });
    const { position } = await t.app
      .get<EventStore>(EVENT_STORE)
      .append(permitStream(permitId), appended, { expectedRevision: 'no_stream' });
    expect(await t.app.get(SubscriberRunner).waitFor(position, { names: ['audit:log'] })).toBe(true);
    permit[name] = permitId;
  }

  beforeAll(async () => {
    ({ t, token, userId } = await appWithUsers({
      clerk: [{ role: 'clerk', municipality: 'hamedan' }],
      'clerk-malayer': [{ role: 'clerk', municipality: 'malayer' }],
      oversight: [{ role: 'oversight', municipality: 'hamedan' }],
      'oversight-qazvin': [{ role: 'oversight', municipality: 'qazvin' }],
      'oversight-province': [{ role: 'oversight', province: 'hamedan' }],
      'citizen-user': [{ role: 'citizen' }],
    }));
    await seedPermit('hamedan', 'hamedan', 'clerk', 48);
    await seedPermit('malayer', 'malayer', 'clerk-malayer', 1);
  }, 60_000);
  afterAll(() => t.close());

  type Page = {
    items: {
      id: string;
      type: string;
      actor: { id: string; name?: string };
      what: { fa: string };
      municipality: string;
      link: string;
    }[];
    nextCursor?: string;
  };
  const page = async (url: string, who = 'oversight') => {
    const res = await get(url, who);
    expect([res.statusCode, res.statusCode === 200 ? '' : res.body]).toEqual([200, '']);
    return res.json() as Page;
  };

  it('finds every clerk action on a permit, newest first, named, in Persian and English', async () => {
    const found = await page(`/audit/events?permitId=${permit['hamedan']}&role=clerk`);
    expect(found.items.map((i) => i.type)).toEqual(['PermitReturned', 'PermitTaken']);
    expect(found.items[0]).toMatchObject({
      actor: { id: userId['clerk'], name: 'clerk', role: 'clerk' },
      what: { en: 'File returned for missing documents', fa: 'بازگشت پرونده برای تکمیل مدارک' },
      municipality: 'hamedan',
      region: '1',
      subject: `permit:${permit['hamedan']}`,
      timeJalali: expect.stringMatching(/^14\d\d-\d\d-\d\d$/),
    });
    expect(found.items[0]!.link).toBe(`/audit/events/${found.items[0]!.id}`);
  });

  it('filters by actor, type, national id in Persian digits, and Jalali dates; pages by cursor', async () => {
    expect((await page(`/audit/events?actor=${userId['clerk']}`)).items).toHaveLength(2);
    expect((await page('/audit/events?type=PermitSubmitted&type=PermitDraftOpened')).items).toHaveLength(2);
    const persian = '۰۰۱۳۵۴۲۴۱۹';
    expect((await page(`/audit/events?nationalId=${encodeURIComponent(persian)}`)).items).toHaveLength(4);
    expect((await page('/audit/events?from=1390-01-01&to=1390-01-02')).items).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect(
      (await page(`/audit/events?permitId=${permit['malayer']}&from=${today}`, 'oversight-province')).items,
    ).toHaveLength(4);
    const file = `/audit/events?permitId=${permit['hamedan']}&pageSize=3`;
    const first = await page(file);
    const rest = await page(`${file}&cursor=${first.nextCursor}`);
    expect(new Set([...first.items, ...rest.items].map((i) => i.id)).size).toBe(4);
    expect(rest.nextCursor).toBeUndefined();
    expect((await get('/audit/events?nationalId=123', 'oversight')).statusCode).toBe(400);
    expect((await get('/audit/events?from=yesterday', 'oversight')).json()).toMatchObject({
      code: 'AUDIT.INVALID_TIME',
    });
    expect((await get('/audit/events?cursor=bogus', 'oversight')).statusCode).toBe(400);
  });

  it('exports CSV that round-trips Persian text through csv-parse', async () => {
    const res = await get(`/audit/events?permitId=${permit['hamedan']}`, 'oversight', { accept: 'text/csv' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['daftar-export-limit']).toBe('100000');
    const rows = parse(res.rawPayload, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r['what_fa'])).toEqual([
      'بازگشت پرونده برای تکمیل مدارک',
      'پذیرش پرونده توسط کارشناس',
      'ثبت درخواست',
      'تشکیل پرونده',
    ]);
    expect(rows[0]).toMatchObject({
      actor_name: 'clerk',
      role: 'clerk',
      time_jalali: expect.stringMatching(/^14/),
    });
  });

  it('shows one event whole but without secrets, and 404 outside the caller’s areas', async () => {
    const [returned] = (await page(`/audit/events?permitId=${permit['hamedan']}&type=PermitReturned`)).items;
    const res = await get(returned!.link, 'oversight');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      data: { reasons: [{ reason: 'سند مالکیت ناخوانا است' }] },
      metadata: { requestDigest: '[redacted]' },
      subjects: expect.arrayContaining([`national:${APPLICANT}`, 'renewal:1-1-1-1-0-0-0']),
    });
    expect(res.body).not.toContain('secret-request-digest');
    const elsewhere = await get(returned!.link, 'oversight-qazvin');
    expect(elsewhere.statusCode).toBe(404);
    expect((await get('/audit/events/no-such-event', 'oversight')).statusCode).toBe(404);
  });

  it('shows an oversight manager of another city nothing of Hamedan, and refuses to look there', async () => {
    const seen = (await page('/audit/events?pageSize=200', 'oversight-qazvin')).items;
    expect(seen.filter((i) => i.municipality !== 'qazvin')).toEqual([]);
    expect((await page('/audit/events?category=permit', 'oversight-qazvin')).items).toEqual([]);
    const refused = await get('/audit/events?municipality=hamedan', 'oversight-qazvin');
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'AUDIT.OUT_OF_SCOPE' });
    expect((await get(`/audit/users/${userId['clerk']}/activity`, 'oversight-qazvin')).statusCode).toBe(404);
  });

  it('shows a provincial manager both cities of the province', async () => {
    const found = await page('/audit/events?type=PermitTaken', 'oversight-province');
    expect(found.items.map((i) => i.municipality)).toEqual(['malayer', 'hamedan']);
    expect(
      (await page('/audit/events?type=PermitTaken', 'oversight')).items.map((i) => i.municipality),
    ).toEqual(['hamedan']);
  });

  it('shows a user’s activity: events, counts per day, files and sign-ins', async () => {
    const res = await get(`/audit/users/${userId['clerk']}/activity`, 'oversight');
    expect(res.statusCode).toBe(200);
    const activity = res.json() as {
      user: { name: string; roles: string[] };
      events: { type: string }[];
      perDay: { type: string; count: number }[];
      files: { stream: string; count: number }[];
      signIns: { success: boolean; address?: string }[];
    };
    expect(activity.user).toMatchObject({ name: 'clerk', roles: ['clerk@hamedan'] });
    expect(activity.events.map((x) => x.type)).toEqual(['PermitReturned', 'PermitTaken']);
    expect(activity.perDay.map((d) => [d.type, d.count]).sort()).toEqual([
      ['PermitReturned', 1],
      ['PermitTaken', 1],
    ]);
    expect(activity.files).toEqual([
      expect.objectContaining({ stream: `permit-${permit['hamedan']}`, count: 2 }),
    ]);
    expect(activity.signIns[0]).toMatchObject({ success: true, address: expect.any(String) });
    const csv = await get(`/audit/users/${userId['clerk']}/activity`, 'oversight', { accept: 'text/csv' });
    expect(parse(csv.rawPayload, { bom: true, columns: true })).toHaveLength(2);
  });

  it('records every audit query, so oversight is overseen', async () => {
    await page('/audit/events?category=permit');
    // Recorded in the background: the search is not slowed by its record.
    await (t.app.get(AuditTrail) as BackgroundAuditTrail).flush();
    await untilSettled(t.app);
    const recorded = (await page(`/audit/events?actor=${userId['oversight']}&type=AuditQueried`)).items;
    expect(recorded.length).toBeGreaterThan(0);
  });

  it.each(AUDIT_ROUTES)('refuses %s to every role but oversight', async (url) => {
    for (const who of ['clerk', 'citizen-user']) expect((await get(url, who)).statusCode).toBe(403);
  });
});
