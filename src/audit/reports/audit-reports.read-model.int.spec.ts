import { inquiriesProjection } from '../../../projections/inquiries/inquiries.projection.js';
import { permitsProjection } from '../../../projections/permits/permits.projection.js';
import { ruleSetsProjection } from '../../../projections/rule-sets/rule-sets.projection.js';
import type { Actor, RecordedEvent } from '../../event-store/event-envelope.js';
import { InquiriesReadModel } from '../../inquiries/inquiries.read-model.js';
import { PermitsReadModel } from '../../permits/permits.read-model.js';
import { RuleSetsReadModel } from '../../rule-sets/rule-sets.read-model.js';
import { seededReadModels, type QueryRun } from '../../event-store/subscriptions/read-model.fixtures.js';
import type { ReadModelDatabase } from '../../event-store/subscriptions/read-model-database.js';
import { AuditReportsReadModel } from './audit-reports.read-model.js';
import { AuditReportsSubscriber } from './audit-reports.subscriber.js';
import { OverdueFiles } from './deadlines/overdue-files.js';

const OWNER = '0499370899';
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
          nationalId: municipality === 'hamedan' ? OWNER : '0012345678',
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

  /** Every step of the plan of every query run reads an index (or the primary key), none scans a table. */
  const plans = () =>
    runs.splice(0).flatMap((run) =>
      readModels.db
        .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${run.sql}`)
        .all(...run.values)
        .map((step) => step.detail)
        .filter((detail) => /audit_report_/.test(detail)),
    );

  it('finds the clerk registering a parcel they own, in their municipality only', () => {
    const conflicts = reports.conflicts(hamedan, { since: minute(0) });
    expect(conflicts).toEqual([
      expect.objectContaining({
        relation: 'owner',
        subject: '3-1-1-7-0-0-0',
        actorId: 'clerk-hamedan',
        eventType: 'ParcelRegistered',
      }),
    ]);
    expect(reports.conflicts([{ municipality: 'malayer' }], {})).toEqual([]);
    expect(reports.conflicts([{ municipality: 'hamedan', regions: ['2'] }], {})).toEqual([]);
    expect(reports.conflicts([{ municipality: 'hamedan', regions: ['3'] }], {})).toHaveLength(1);
    const steps = plans();
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.filter((step) => !/USING (COVERING )?INDEX/.test(step))).toEqual([]);
  });

  it('places sign-ins in the municipalities of the user’s grants, through indexes', () => {
    const logins = reports.people.logins(hamedan, { since: minute(0), before: minute(1000) });
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
    expect(reports.people.logins([{ municipality: 'malayer' }], {})).toEqual([]);
  });

  it('reads the actions of a time range through the (municipality, at) index', () => {
    expect(reports.actions(hamedan, { since: minute(10), before: minute(20) })).toHaveLength(10);
    expect(plans()).toEqual([
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
    const rows = overdue.rows([{ municipality: 'hamedan' }], NOW);
    expect(rows.map((r) => [r.id, r.stage, r.holderId, r.overdueSeconds])).toEqual([
      ['late-survey', 'surveying', 'surveyor-1', 13 * 86_400],
      ['late-review', 'under_review', 'clerk-1', 86_400],
      ['late-inquiry', 'Transfer', undefined, 86_400],
    ]);
    expect(rows[1]).toMatchObject({ since: daysAgo(6), dueAt: daysAgo(1), process: 'permit', region: '1' });
    expect(Math.max(...runs.map((run) => run.rows))).toBeLessThanOrEqual(2);
    expect(overdue.rows([{ municipality: 'hamedan', regions: ['2'] }], NOW).map((r) => r.id)).toEqual([
      'late-survey',
    ]);
  });
});
