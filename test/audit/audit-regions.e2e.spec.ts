import { AuditTrail } from '../../src/audit/audit-trail.js';
import type { BackgroundAuditTrail } from '../../src/audit/record-access/background-audit-trail.js';
import type { Actor } from '../../src/event-store/event-envelope.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { permitStream, type PermitEvent } from '../../src/permits/permit.events.js';
import { events as e } from '../../src/permits/permit.fixtures.js';
import { newId } from '../../src/shared/ids.js';
import { appWithUsers } from '../support/oversight-app.js';
import { call } from '../support/http.js';
import { untilProjected, type TestApp } from '../support/test-app.js';

const APPLICANT = '0013542419';

interface Row {
  readonly type: string;
  readonly subject?: string;
  readonly region?: string;
  readonly actor: { readonly id: string };
}
interface Activity {
  readonly events: Row[];
  readonly perDay: { readonly type: string; readonly count: number }[];
  readonly files: { readonly stream: string }[];
  readonly signIns: unknown[];
}

describe('oversight limited to regions, and audit queries over several cities', () => {
  let t: TestApp;
  let token: Record<string, string>;
  let userId: Record<string, string>;
  /** Permit ids by region of Hamedan. */
  const permit: Record<string, string> = {};

  const get = async (url: string, who: string) => {
    const res = await call(t.app, 'GET', url, { token: token[who]! });
    expect([res.statusCode, res.statusCode === 200 ? '' : res.body]).toEqual([200, '']);
    return res.json() as unknown;
  };
  const search = async (query: string, who: string) =>
    ((await get(`/audit/events?${query}&pageSize=200`, who)) as { items: Row[] }).items;

  /** Writes the records queued in the background and waits until every read model shows them. */
  async function settled(): Promise<void> {
    await (t.app.get(AuditTrail) as BackgroundAuditTrail).flush();
    const head = await t.app.get<EventStore>(EVENT_STORE).headPosition();
    expect(await untilProjected(t.app, head!)).toBe(true);
  }

  /** A file in a region of Hamedan, opened by its applicant and taken and returned by the clerk. */
  async function seedPermit(region: string): Promise<void> {
    const permitId = newId();
    const citizen: Actor = { id: 'user-citizen', role: 'citizen' };
    const clerk: Actor = { id: userId['clerk']!, role: 'clerk', municipality: 'hamedan' };
    const renewalCode = `${region}-1-1-1-0-0-0`;
    const steps: [PermitEvent, Actor][] = [
      [
        { ...e.opened, data: { ...e.opened.data, permitId, applicantNationalId: APPLICANT, renewalCode } },
        citizen,
      ],
      [{ ...e.submitted, data: { permitId } }, citizen],
      [{ ...e.taken, data: { permitId, clerkId: userId['clerk']! } }, clerk],
      [{ ...e.returned, data: { ...e.returned.data, permitId } }, clerk],
    ];
    const appended = steps.map(([event, actor]) => {
      const id = newId();
      const recordedAt = new Date().toISOString();
      return {
        id,
        ...event,
        metadata: { actor, correlationId: id, causationId: id, recordedAt, schemaVersion: 1 },
      };
    });
    await t.app.get<EventStore>(EVENT_STORE).append(permitStream(permitId), appended, {
      expectedRevision: 'no_stream',
    });
    permit[region] = permitId;
  }

  beforeAll(async () => {
    ({ t, token, userId } = await appWithUsers({
      clerk: [{ role: 'clerk', municipality: 'hamedan' }],
      'clerk-region-1': [{ role: 'clerk', municipality: 'hamedan', regions: ['1'] }],
      oversight: [{ role: 'oversight', municipality: 'hamedan' }],
      'oversight-region-1': [{ role: 'oversight', municipality: 'hamedan', regions: ['1'] }],
      'oversight-malayer': [{ role: 'oversight', municipality: 'malayer' }],
      'oversight-qazvin': [{ role: 'oversight', municipality: 'qazvin' }],
      'oversight-province': [{ role: 'oversight', province: 'hamedan' }],
    }));
    await seedPermit('1');
    await seedPermit('2');
    await settled();
    // The clerk reads both files: each read is recorded with the region of the file read.
    for (const id of Object.values(permit)) {
      expect((await call(t.app, 'GET', `/permits/${id}`, { token: token['clerk']! })).statusCode).toBe(200);
    }
    await settled();
  }, 60_000);
  afterAll(() => t.close());

  const activityOf = (user: string, who: string) =>
    get(`/audit/users/${userId[user]}/activity`, who) as Promise<Activity>;

  it('shows a manager of region 1 only region 1 of a city-wide clerk’s activity: events, counts, files', async () => {
    const regional = await activityOf('clerk', 'oversight-region-1');
    expect(regional.files.map((f) => f.stream)).toContain(permitStream(permit['1']!));
    expect(regional.files.map((f) => f.stream)).not.toContain(permitStream(permit['2']!));
    expect(regional.perDay.map((d) => [d.type, d.count]).sort()).toEqual([
      ['AccessRecorded', 1],
      ['PermitReturned', 1],
      ['PermitTaken', 1],
    ]);
    expect(regional.events.filter((row) => row.region !== '1')).toEqual([]);
    // A city-wide clerk's sign-ins are the whole city's business, not one region's.
    expect(regional.signIns).toEqual([]);

    const whole = await activityOf('clerk', 'oversight');
    expect(whole.files.map((f) => f.stream)).toEqual(
      expect.arrayContaining([permitStream(permit['1']!), permitStream(permit['2']!)]),
    );
    expect(whole.perDay.find((d) => d.type === 'AccessRecorded')?.count).toBe(2);
    expect(whole.signIns).not.toEqual([]);
  });

  it('shows a manager of region 1 the sign-ins of staff held within region 1', async () => {
    expect((await activityOf('clerk-region-1', 'oversight-region-1')).signIns).not.toEqual([]);
  });

  it('finds for a manager of region 1 the reads of region 1’s files only', async () => {
    const reads = await search('type=AccessRecorded', 'oversight-region-1');
    expect(reads.map((row) => row.subject)).toEqual([`permit:${permit['1']}`]);
    const all = await search('type=AccessRecorded', 'oversight');
    expect(all.map((row) => row.subject).sort()).toEqual(
      [`permit:${permit['1']}`, `permit:${permit['2']}`].sort(),
    );
  });

  it('shows a provincial manager’s query to the managers of each city it covered, and no other', async () => {
    // Only this test's queries: others may have queried as the provincial manager before it.
    const since = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 2));
    await get('/audit/events?municipality=malayer', 'oversight-province');
    await get('/audit/events?type=PermitTaken', 'oversight-province');
    await settled();
    const queriesSeenBy = async (who: string) =>
      (await search(`type=AuditQueried&actor=${userId['oversight-province']}&from=${since}`, who)).length;
    expect(await queriesSeenBy('oversight-malayer')).toBe(2);
    expect(await queriesSeenBy('oversight')).toBe(1);
    expect(await queriesSeenBy('oversight-province')).toBe(2);
    expect(await queriesSeenBy('oversight-qazvin')).toBe(0);
  });

  it('places a provincial manager’s report in each city it covered too', async () => {
    const seenBefore = async (who: string) =>
      (await search(`type=AuditQueried&actor=${userId['oversight-province']}`, who)).length;
    await settled();
    const [malayer, hamedan] = [await seenBefore('oversight-malayer'), await seenBefore('oversight')];
    await get('/audit/reports/returns?municipality=malayer', 'oversight-province');
    await settled();
    expect(await seenBefore('oversight-malayer')).toBe(malayer + 1);
    expect(await seenBefore('oversight')).toBe(hamedan);
  });
});
