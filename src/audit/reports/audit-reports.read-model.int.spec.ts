import { inquiriesProjection } from '../../../projections/inquiries/inquiries.projection.js';
import { permitsProjection } from '../../../projections/permits/permits.projection.js';
import { ruleSetsProjection } from '../../../projections/rule-sets/rule-sets.projection.js';
import type { Actor, RecordedEvent } from '../../event-store/event-envelope.js';
import { InquiriesReadModel } from '../../inquiries/inquiries.read-model.js';
import { PermitsReadModel } from '../../permits/permits.read-model.js';
import { RuleSetsReadModel } from '../../rule-sets/rule-sets.read-model.js';
import type { StaffAction } from '../../../projections/audit-reports/report-facts.js';
import {
  DEFAULT_WORKING_HOURS,
  parseWorkingHours,
} from '../../../projections/audit-reports/working-hours.js';
import { tehranTime } from '../../shared/tehran-date.js';
import {
  pageThrough,
  seededReadModels,
  type QueryRun,
} from '../../event-store/subscriptions/read-model.fixtures.js';
import type { ReadModelDatabase } from '../../event-store/subscriptions/read-model-database.js';
import type { AuditArea } from '../audit-scope.js';
import { AuditReportsReadModel } from './audit-reports.read-model.js';
import { AuditReportsSubscriber } from './audit-reports.subscriber.js';
import { OverdueFiles } from './deadlines/overdue-files.js';

const OWNER = '0499370899';
const MALAYER_CLERK = '0012345678';
const PAGE = { pageSize: 100 };
const PAGE_OF_10 = { pageSize: 10 };
let n = 0;
const event = (type: string, stream: string, data: object, actor: Actor, at: string): RecordedEvent => ({
  id: `e${++n}`,
  type,
  stream,
  revision: 0n,
  position: String(n).padStart(8, '0'),
  data,
  metadata: { actor, correlationId: 'c', causationId: 'c', recordedAt: at, schemaVersion: 1 },
});
const admin: Actor = { id: 'admin', role: 'admin' };
const system: Actor = { id: 'system', role: 'system' };
const clerkOf = (municipality: string): Actor => ({
  id: `clerk-${municipality}`,
  role: 'clerk',
  municipality,
});
const minute = (m: number) => new Date(Date.UTC(2026, 11, 1, 8, 0) + m * 60_000).toISOString();

/**
 * The steps of the plans of the queries run since last asked that match `shown`, for tests that show
 * every step reads an index (or the primary key) and none scans a table.
 */
function planSteps(readModels: ReadModelDatabase, runs: QueryRun[], shown: RegExp): string[] {
  return runs.splice(0).flatMap((run) =>
    readModels.db
      .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${run.sql}`)
      .all(...run.values)
      .map((step) => step.detail)
      .filter((detail) => shown.test(detail)),
  );
}

/** Two municipalities' staff, each registering parcels; Hamedan's clerk owns one; five failed sign-ins. */
function history(): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  for (const municipality of ['hamedan', 'malayer']) {
    const userId = `clerk-${municipality}`;
    events.push(
      event(
        'UserCreated',
        `user-${userId}`,
        {
          userId,
          username: `${municipality}.clerk`,
          displayName: `Clerk of ${municipality}`,
          passwordHash: 'x',
          nationalId: municipality === 'hamedan' ? OWNER : MALAYER_CLERK,
          grants: [{ role: 'clerk', municipality }],
          origin: 'admin',
        },
        admin,
        minute(0),
      ),
    );
    for (let i = 1; i <= 300; i++) {
      const renewalCode = `${(i % 5) + 1}-1-1-${i}-0-0-0`;
      events.push(
        event(
          'ParcelRegistered',
          `parcel-${municipality}-${renewalCode}`,
          {
            municipality,
            renewalCode,
            areaM2: 200,
            streetWidthM: 10,
            zone: 'R1',
            landUse: 'residential',
            existingBuilding: null,
            owners: [{ nationalId: i === 7 ? OWNER : '0013542419', name: 'x', sharePct: 100 }],
          },
          clerkOf(municipality),
          minute(i),
        ),
      );
    }
  }
  const malayerParcel = (type: string, renewalCode: string, extra: object, actor: Actor, at: number) =>
    event(
      type,
      `parcel-malayer-${renewalCode}`,
      { municipality: 'malayer', renewalCode, ...extra },
      actor,
      minute(at),
    );
  const ownedBy = (nationalId: string) => ({
    areaM2: 200,
    streetWidthM: 10,
    zone: 'R1',
    landUse: 'residential',
    existingBuilding: null,
    owners: [{ nationalId, name: 'x', sharePct: 100 }],
  });
  events.push(
    event(
      'ParcelRegistered',
      'parcel-hamedan-1-1-1-999-0-0-0',
      { municipality: 'hamedan', renewalCode: '1-1-1-999-0-0-0', ...ownedBy(MALAYER_CLERK) },
      admin,
      minute(350),
    ),
    malayerParcel('ParcelRegistered', '1-1-1-999-0-0-0', ownedBy('0013542419'), admin, 351),
    malayerParcel('ParcelRegistered', '1-1-1-998-0-0-0', ownedBy(MALAYER_CLERK), admin, 352),
    ...['1-1-1-999-0-0-0', '1-1-1-998-0-0-0'].map((code, i) =>
      malayerParcel(
        'ParcelDetailsCorrected',
        code,
        { changes: { areaM2: 210 }, reason: 'survey' },
        clerkOf('malayer'),
        353 + i,
      ),
    ),
  );
  // Four sign-ins from three addresses on one Tehran day (18:20 to 18:22), a fourth address the next day.
  for (const [at, address] of [
    [410, '10.0.0.1'],
    [411, '10.0.0.2'],
    [411, '10.0.0.2'],
    [412, '10.0.0.3'],
    [800, '10.0.0.4'],
  ] as const)
    events.push(
      event(
        'LoginSucceeded',
        'login-hamedan',
        { userId: 'clerk-hamedan', username: 'hamedan.clerk', address },
        system,
        minute(at),
      ),
    );
  for (let i = 0; i < 5; i++)
    events.push(
      event(
        'LoginFailed',
        'login-x',
        { username: 'hamedan.clerk', address: '10.0.0.1', reason: 'wrong_password' },
        system,
        minute(400 + i),
      ),
    );
  return events;
}

describe('the oversight reports’ read model on SQLite', () => {
  let readModels: ReadModelDatabase;
  let runs: QueryRun[];
  let reports: AuditReportsReadModel;
  const hamedan = [{ municipality: 'hamedan' }];
  const conflictsIn = (areas: readonly AuditArea[]) => reports.conflicts(areas, {}, PAGE).rows;

  beforeAll(() => {
    ({ readModels, runs } = seededReadModels([]));
    reports = new AuditReportsReadModel(readModels);
    const subscriber = new AuditReportsSubscriber(reports) as unknown as {
      delivery(): { handler: { onEvents(events: readonly RecordedEvent[]): void } };
    };
    subscriber.delivery().handler.onEvents(history());
  });
  afterAll(() => readModels.close());
  beforeEach(() => (runs.length = 0));

  const plans = () => planSteps(readModels, runs, /audit_report_/);

  it('finds the clerk registering a parcel they own, in their municipality only', () => {
    const { rows: conflicts } = reports.conflicts(hamedan, { since: minute(0) }, PAGE);
    expect(conflicts).toEqual([
      expect.objectContaining({
        relation: 'owner',
        subject: '3-1-1-7-0-0-0',
        actorId: 'clerk-hamedan',
        eventType: 'ParcelRegistered',
      }),
    ]);
    expect(conflictsIn([{ municipality: 'hamedan', regions: ['2'] }])).toEqual([]);
    expect(conflictsIn([{ municipality: 'hamedan', regions: ['3'] }])).toHaveLength(1);
    const steps = plans();
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.filter((step) => !/USING (COVERING )?INDEX/.test(step))).toEqual([]);
  });

  it('places sign-ins in the municipalities of the user’s grants, through indexes', () => {
    const { facts: logins, truncated } = reports.people.failedLogins(hamedan, {
      since: minute(0),
      before: minute(1000),
    });
    expect(truncated).toBe(false);
    expect(logins).toHaveLength(5);
    expect(logins[0]).toMatchObject({ kind: 'failure', userId: 'clerk-hamedan', username: 'hamedan.clerk' });
    const steps = plans();
    expect(steps).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /audit_report_logins USING INDEX audit_report_logins_at \(user_id=\? AND at>\? AND at<\?\)/,
        ),
        expect.stringMatching(
          /audit_report_user_areas USING (COVERING )?INDEX audit_report_user_areas_at \(municipality=\?\)/,
        ),
      ]),
    );
    expect(steps.filter((step) => !/USING (COVERING )?INDEX/.test(step))).toEqual([]);
    expect(reports.people.failedLogins([{ municipality: 'malayer' }], {}).facts).toEqual([]);
  });

  it('counts a user’s addresses per Tehran day in SQL, returning only the findings', () => {
    expect(reports.people.manyAddresses(hamedan, {})).toEqual([
      {
        finding: 'many_addresses',
        username: 'hamedan.clerk',
        userId: 'clerk-hamedan',
        from: minute(410),
        to: minute(412),
        count: 4,
        addresses: 3,
      },
    ]);
    expect(runs.map((run) => run.rows)).toEqual([1]);
    expect(plans().filter((step) => !/USING (COVERING )?INDEX/.test(step))).toEqual([]);
    expect(reports.people.manyAddresses([{ municipality: 'malayer' }], {})).toEqual([]);
  });

  it('keys owners by municipality and renewal code: the same code in another city is another parcel', () => {
    // Malayer's clerk owns 1-1-1-999 in Hamedan and corrects Malayer's 1-1-1-999: no conflict. They own
    // Malayer's 1-1-1-998 and correct it: a conflict.
    expect(conflictsIn([{ municipality: 'malayer' }])).toEqual([
      expect.objectContaining({ subject: '1-1-1-998-0-0-0', actorId: 'clerk-malayer', relation: 'owner' }),
    ]);
    expect(conflictsIn(hamedan).map((c) => c.subject)).toEqual(['3-1-1-7-0-0-0']);
  });

  it('counts the actions of a time range per Tehran hour and day through the (municipality, at) index', () => {
    const rows = reports.activity(hamedan, { since: minute(10), before: minute(20) });
    // 08:10 UTC is 11:40 in Tehran.
    expect(rows.filter((r) => r.count > 0)).toEqual([
      { by: 'hour', bucket: '11', count: 10 },
      { by: 'day', bucket: '2026-12-01', count: 10 },
    ]);
    expect(runs.map((run) => run.rows)).toEqual([1, 1]);
    expect(plans()).toEqual([
      expect.stringMatching(/USING INDEX audit_report_actions_at \(municipality=\? AND at>\? AND at<\?\)/),
      expect.stringMatching(/USING INDEX audit_report_actions_at \(municipality=\? AND at>\? AND at<\?\)/),
    ]);
  });

  it('names users by id', () => {
    expect(reports.people.names(['clerk-malayer', 'automatic'])).toEqual(
      new Map([['clerk-malayer', 'Clerk of malayer']]),
    );
  });
});

describe('the deadlines report over the permits and inquiries read models', () => {
  const NOW = '2026-12-10T08:00:00.000Z';
  const daysAgo = (days: number) => new Date(Date.parse(NOW) - days * 86_400_000).toISOString();
  const permit = (permitId: string, municipality: string, region: string, status: string, since: string) => ({
    id: permitId,
    doc: {
      permitId,
      municipality,
      region,
      renewalCode: `${region}-1-1-1-0-0-0`,
      status,
      stateSince: since,
      clerkId: 'clerk-1',
      surveyorId: 'surveyor-1',
    },
  });
  const inquiry = (inquiryId: string, status: string, dueAt: string) => ({
    id: inquiryId,
    doc: {
      inquiryId,
      kind: 'Transfer',
      municipality: 'hamedan',
      region: '1',
      renewalCode: '1-1-1-2-0-0-0',
      status,
      filedAt: daysAgo(3),
      dueAt,
    },
  });
  let readModels: ReadModelDatabase;
  let runs: QueryRun[];
  let overdue: OverdueFiles;

  beforeAll(() => {
    ({ readModels, runs } = seededReadModels([
      [
        permitsProjection,
        [
          permit('late-review', 'hamedan', '1', 'under_review', daysAgo(6)),
          permit('fresh-review', 'hamedan', '1', 'under_review', daysAgo(4)),
          permit('late-survey', 'hamedan', '2', 'surveying', daysAgo(20)),
          permit('late-draft', 'hamedan', '1', 'draft', daysAgo(90)),
          permit('late-elsewhere', 'malayer', '1', 'under_review', daysAgo(30)),
        ],
      ],
      [
        ruleSetsProjection,
        [
          {
            id: 'hamedan:1',
            doc: {
              municipality: 'hamedan',
              version: 1,
              effectiveFrom: '2020-01-01',
              sla: { review: 5, siteVisit: 7 },
            },
          },
        ],
      ],
      [
        inquiriesProjection,
        [
          inquiry('late-inquiry', 'awaiting_clerk', daysAgo(1)),
          inquiry('answered-late', 'answered', daysAgo(1)),
          inquiry('due-later', 'awaiting_clerk', daysAgo(-1)),
        ],
      ],
    ]));
    overdue = new OverdueFiles(
      new PermitsReadModel(readModels),
      new InquiriesReadModel(readModels),
      new RuleSetsReadModel(readModels),
    );
  });
  afterAll(() => readModels.close());

  it('lists files past their status’s sla and inquiries past their deadline, with who holds them', () => {
    runs.length = 0;
    const { rows, truncated } = overdue.rows([{ municipality: 'hamedan' }], NOW);
    expect(truncated).toBe(false);
    expect(rows.map((r) => [r.id, r.stage, r.holderId, r.overdueSeconds])).toEqual([
      ['late-survey', 'surveying', 'surveyor-1', 13 * 86_400],
      ['late-review', 'under_review', 'clerk-1', 86_400],
      ['late-inquiry', 'Transfer', undefined, 86_400],
    ]);
    expect(rows[1]).toMatchObject({ since: daysAgo(6), dueAt: daysAgo(1), process: 'permit', region: '1' });
    expect(Math.max(...runs.map((run) => run.rows))).toBeLessThanOrEqual(2);
    expect(overdue.rows([{ municipality: 'hamedan', regions: ['2'] }], NOW).rows.map((r) => r.id)).toEqual([
      'late-survey',
    ]);
  });
});

describe('the reports’ aggregates and lists, computed by SQLite', () => {
  let readModels: ReadModelDatabase;
  let runs: QueryRun[];
  let reports: AuditReportsReadModel;
  const both = [{ municipality: 'hamedan' }, { municipality: 'malayer' }];
  const stage = (seconds: number, clerkId: string, endedAt = '2026-12-01T10:00:00Z') => ({
    process: 'permit' as const,
    stage: 'under_review',
    municipality: 'hamedan',
    region: '1',
    clerkId,
    endedAt,
    seconds,
  });
  const action = (municipality: string, at: string): StaffAction => {
    const clock = tehranTime(at);
    return {
      eventId: `${municipality}-${at}`,
      at,
      eventType: 'PermitTaken',
      stream: 'permit-p1',
      actorId: `clerk-${municipality}`,
      actorRole: 'clerk',
      municipality,
      region: '1',
      tehranDay: clock.day,
      tehranTime: clock.time,
      hour: clock.hour,
      minuteOfDay: clock.minuteOfDay,
      weekday: clock.weekday,
    };
  };
  const returned = (clerkId: string, reason: string, at: string, documentKind?: string) => ({
    clerkId,
    what: 'permit' as const,
    reason,
    at,
    municipality: 'hamedan',
    region: '1',
    ...(documentKind ? { documentKind } : {}),
  });
  // The steps on report tables, and any sort in a temporary tree (a list must not sort its range).
  const plans = () => planSteps(readModels, runs, /audit_report_|TEMP B-TREE/);

  beforeAll(() => {
    ({ readModels, runs } = seededReadModels([]));
    reports = new AuditReportsReadModel(readModels);
    for (const ended of [
      stage(10, 'a'),
      stage(20, 'a'),
      stage(30, 'b'),
      stage(40, 'a', '2027-01-01T10:00:00Z'),
    ])
      reports.record({ ended, returns: [] });
    reports.record({
      returns: [
        returned('a', 'x', '2026-01-01T00:00:00Z'),
        returned('b', 'x', '2026-01-01T00:00:00Z'),
        returned('a', 'x', '2026-01-02T00:00:00Z'),
        returned('a', 'x', '2026-01-03T00:00:00Z', 'site_plan'),
      ],
    });
    // Tehran is UTC+03:30: Saturday 06:59, Saturday 07:00, Thursday 12:31 and a Friday, in Hamedan.
    for (const at of [
      '2026-12-05T03:29:00Z',
      '2026-12-05T03:30:00Z',
      '2026-12-03T09:01:00Z',
      '2026-12-04T06:00:00Z',
    ])
      reports.record({ action: action('hamedan', at), returns: [] });
    // 25 Friday actions in each city, a minute apart, alternating.
    for (let i = 0; i < 50; i++)
      reports.record({
        action: action(i % 2 ? 'malayer' : 'hamedan', new Date(Date.UTC(2026, 11, 11, 6, i)).toISOString()),
        returns: [],
      });
  });
  afterAll(() => readModels.close());
  beforeEach(() => (runs.length = 0));

  it('takes turnaround percentiles by nearest rank per stage, clerk and Jalali month', () => {
    expect(reports.turnaround(both, {}, 'stage')).toEqual([
      { process: 'permit', stage: 'under_review', count: 4, medianSeconds: 20, p90Seconds: 40 },
    ]);
    expect(reports.turnaround(both, {}, 'clerk', 'month')).toEqual([
      {
        process: 'permit',
        stage: 'under_review',
        clerkId: 'a',
        period: '1405-09',
        count: 2,
        medianSeconds: 10,
        p90Seconds: 20,
      },
      {
        process: 'permit',
        stage: 'under_review',
        clerkId: 'b',
        period: '1405-09',
        count: 1,
        medianSeconds: 30,
        p90Seconds: 30,
      },
      {
        process: 'permit',
        stage: 'under_review',
        clerkId: 'a',
        period: '1405-10',
        count: 1,
        medianSeconds: 40,
        p90Seconds: 40,
      },
    ]);
    expect(
      reports.turnaround(both, {}, 'region', 'week').map((r) => [r.municipality, r.region, r.period]),
    ).toEqual([
      ['hamedan', '1', '2026-W49'],
      ['hamedan', '1', '2026-W53'],
    ]);
    // Only the groups leave SQLite, and the stages are read through the (municipality, at) index.
    expect(runs.map((run) => run.rows)).toEqual([1, 3, 2]);
    expect(
      plans().filter(
        (step) => /audit_report_/.test(step) && !/USING INDEX audit_report_stages_at/.test(step),
      ),
    ).toEqual([]);
  });

  it('counts returns per clerk, what and reason in SQL, the most frequent first', () => {
    expect(reports.returns(both, { since: '2026-01-01T00:00:00Z', before: '2026-01-03T00:00:00Z' })).toEqual([
      { clerkId: 'a', what: 'permit', reason: 'x', count: 2, lastAt: '2026-01-02T00:00:00Z' },
      { clerkId: 'b', what: 'permit', reason: 'x', count: 1, lastAt: '2026-01-01T00:00:00Z' },
    ]);
    expect(reports.returns(both, {})).toContainEqual(
      expect.objectContaining({ documentKind: 'site_plan', count: 1 }),
    );
    expect(
      plans().filter(
        (step) => /audit_report_/.test(step) && !/USING INDEX audit_report_returns_at/.test(step),
      ),
    ).toEqual([]);
  });

  it('lists only actions outside the working hours, newest first, on the Tehran clock', () => {
    const hours = parseWorkingHours(DEFAULT_WORKING_HOURS);
    const { rows, page } = reports.afterHours(
      [{ municipality: 'hamedan' }],
      { before: '2026-12-10T00:00:00Z' },
      hours,
      PAGE_OF_10,
    );
    expect(rows.map((r) => [r.tehranTime, r.weekday])).toEqual([
      ['2026-12-05 06:59', 'sat'],
      ['2026-12-04 09:30', 'fri'],
      ['2026-12-03 12:31', 'thu'],
    ]);
    expect(rows[0]).toMatchObject({
      eventType: 'PermitTaken',
      actorId: 'clerk-hamedan',
      municipality: 'hamedan',
    });
    expect(page).toEqual({ pageSize: 10, truncated: false });
    expect(plans()).toEqual([
      expect.stringMatching(/USING INDEX audit_report_actions_at \(municipality=\? AND at<\?\)/),
    ]);
  });

  it('pages a list across municipalities, newest first, saying when it is cut and where to go on', () => {
    const hours = parseWorkingHours(DEFAULT_WORKING_HOURS);
    const range = { since: '2026-12-11T00:00:00Z' };
    const pages = pageThrough((cursor) => {
      const { rows, page } = reports.afterHours(both, range, hours, {
        ...PAGE_OF_10,
        ...(cursor ? { cursor } : {}),
      });
      expect(page.truncated).toBe(page.nextCursor !== undefined);
      return { items: rows, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
    });
    expect(pages.pages).toBe(5);
    expect(pages.items.map((r) => r.at)).toEqual(
      Array.from({ length: 50 }, (_, i) => new Date(Date.UTC(2026, 11, 11, 6, 49 - i)).toISOString()),
    );
    // Each municipality gives a page and one more at most; each read walks its index newest first.
    expect(Math.max(...runs.map((run) => run.rows))).toBeLessThanOrEqual(11);
    const steps = plans();
    expect(
      steps.filter((step) => !/USING INDEX audit_report_actions_at \(municipality=\? AND at>\?/.test(step)),
    ).toEqual([]);
    expect(() => reports.afterHours(both, range, hours, { ...PAGE_OF_10, cursor: 'not-a-cursor' })).toThrow(
      expect.objectContaining({ code: 'REQUEST.INVALID_CURSOR' }),
    );
  });
});
