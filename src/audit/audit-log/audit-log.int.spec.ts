import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Actor, NewEvent } from '../../event-store/event-envelope.js';
import { SqliteEventStore } from '../../event-store/sqlite/sqlite-event-store.js';
import { ReadModelDatabase } from '../../event-store/subscriptions/read-model-database.js';
import { SubscriberRunner } from '../../event-store/subscriptions/subscriber-runner.js';
import type { AuditArea } from '../audit-scope.js';
import { AuditLogReadModel, lanesOf, type AuditFilter } from './audit-log.read-model.js';
import { AuditLogSubscriber } from './audit-log.subscriber.js';
import { AUDIT_LOG_SUBSCRIBER, AUDIT_LOG_VERSION, prepareAuditTables } from './audit-log.tables.js';

const clerk: Actor = { id: 'user-clerk', role: 'clerk', municipality: 'hamedan' };
const citizen: Actor = { id: 'user-citizen', role: 'citizen' };
const notary: Actor = { id: 'apikey-1', role: 'notary', office: 'notary-12' };

function at(minute: number): string {
  return new Date(Date.UTC(2026, 11, 3, 8, minute)).toISOString();
}

function newEvent(type: string, data: unknown, actor: Actor, minute: number): NewEvent {
  const id = randomUUID();
  return {
    id,
    type,
    data,
    metadata: { actor, correlationId: id, causationId: id, recordedAt: at(minute), schemaVersion: 1 },
  } as NewEvent;
}

describe('the audit log over real SQLite', () => {
  let dir: string;
  let store: SqliteEventStore;
  let readModels: ReadModelDatabase;
  let log: AuditLogReadModel;
  const hamedan: AuditArea[] = [{ municipality: 'hamedan' }];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'daftar-audit-'));
    store = new SqliteEventStore(join(dir, 'events.db'), { pollIntervalMs: 20 });
    const draft = (permitId: string, municipality: string, renewalCode: string) => ({
      permitId,
      municipality,
      renewalCode,
      applicationType: 'NewConstruction',
      applicantNationalId: '0012345678',
    });
    await store.append(
      'permit-p1',
      [
        newEvent('PermitDraftOpened', draft('p1', 'hamedan', '2-1-1-1-0-0-0'), citizen, 0),
        newEvent('PermitSubmitted', { permitId: 'p1' }, citizen, 1),
        newEvent('PermitTaken', { permitId: 'p1', clerkId: 'user-clerk' }, clerk, 2),
        newEvent('PermitReturned', { permitId: 'p1', reasons: [{ reason: 'ناقص' }] }, clerk, 3),
      ],
      { expectedRevision: 'no_stream' },
    );
    await store.append(
      'permit-q1',
      [newEvent('PermitDraftOpened', draft('q1', 'qazvin', '1-1-1-1-0-0-0'), citizen, 4)],
      { expectedRevision: 'no_stream' },
    );
    await store.append(
      'login-x',
      [
        newEvent(
          'LoginFailed',
          { username: 'clerk', address: '10.0.0.9', reason: 'wrong_password' },
          citizen,
          5,
        ),
        newEvent(
          'LoginSucceeded',
          { username: 'clerk', userId: 'user-clerk', address: '10.0.0.9' },
          citizen,
          6,
        ),
      ],
      { expectedRevision: 'no_stream' },
    );
    await store.append(
      'inquiry-i1',
      [
        newEvent(
          'InquiryFiled',
          {
            inquiryId: 'i1',
            kind: 'transfer',
            municipality: 'hamedan',
            renewalCode: '3-1-1-1-0-0-0',
            requester: { organisation: 'notary-12' },
            requesterReference: 'r1',
            purpose: 'sale',
            dueAt: at(60),
          },
          notary,
          7,
        ),
      ],
      { expectedRevision: 'no_stream' },
    );
    readModels = new ReadModelDatabase(join(dir, 'read-models.db'));
    const runner = new SubscriberRunner(store, readModels, []);
    runner.register(new AuditLogSubscriber(readModels));
    runner.start();
    await runner.caughtUp();
    await runner.stop();
    log = new AuditLogReadModel(readModels);
  });
  afterAll(async () => {
    readModels.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const types = (filter: AuditFilter, areas = hamedan) => log.search(areas, filter, 50).map((r) => r.type);

  it('places later events of a permit where its draft said, with the draft’s subjects', () => {
    const taken = log.search(hamedan, { types: ['PermitTaken'] }, 10);
    expect(taken).toEqual([
      expect.objectContaining({
        municipality: 'hamedan',
        region: '2',
        actorId: 'user-clerk',
        subject: 'permit:p1',
        category: 'permit',
      }),
    ]);
  });

  it('answers newest first, filtered by actor, role, organisation, type, category and subject', () => {
    expect(types({})).toEqual([
      'InquiryFiled',
      'PermitReturned',
      'PermitTaken',
      'PermitSubmitted',
      'PermitDraftOpened',
    ]);
    expect(types({ actorId: 'user-clerk' })).toEqual(['PermitReturned', 'PermitTaken']);
    expect(types({ role: 'citizen' })).toEqual(['PermitSubmitted', 'PermitDraftOpened']);
    expect(types({ office: 'notary-12' })).toEqual(['InquiryFiled']);
    expect(types({ types: ['PermitTaken', 'InquiryFiled'] })).toEqual(['InquiryFiled', 'PermitTaken']);
    expect(types({ category: 'inquiry' })).toEqual(['InquiryFiled']);
    expect(types({ subject: 'national:0012345678' })).toEqual([
      'PermitReturned',
      'PermitTaken',
      'PermitSubmitted',
      'PermitDraftOpened',
    ]);
    expect(types({ subject: 'user:user-clerk', role: 'clerk' })).toEqual(['PermitTaken']);
  });

  it('filters by time and pages by log order', () => {
    expect(types({ since: at(2), before: at(4) })).toEqual(['PermitReturned', 'PermitTaken']);
    const [, second] = log.search(hamedan, {}, 2);
    expect(log.search(hamedan, { beforeSeq: second!.seq }, 2).map((r) => r.type)).toEqual([
      'PermitTaken',
      'PermitSubmitted',
    ]);
  });

  it('keeps to the areas: a region, another city, both cities', () => {
    expect(types({}, [{ municipality: 'hamedan', regions: ['3'] }])).toEqual(['InquiryFiled']);
    expect(types({}, [{ municipality: 'qazvin' }])).toEqual(['PermitDraftOpened']);
    expect(types({ types: ['PermitDraftOpened'] }, [...hamedan, { municipality: 'qazvin' }])).toHaveLength(2);
  });

  it('counts an actor’s events per day and the files they touched', () => {
    expect(log.actorDays('user-clerk', hamedan)).toEqual([
      { day: '2026-12-03', type: 'PermitReturned', count: 1 },
      { day: '2026-12-03', type: 'PermitTaken', count: 1 },
    ]);
    expect(log.actorStreams('user-clerk', hamedan, 10)).toEqual([
      { stream: 'permit-p1', count: 2, lastAt: at(3) },
    ]);
    expect(log.ofSubject('username:clerk', ['LoginSucceeded', 'LoginFailed'], 10).map((r) => r.type)).toEqual(
      ['LoginSucceeded', 'LoginFailed'],
    );
  });

  const filters: [string, AuditFilter, AuditArea[]][] = [
    ['no filter', {}, hamedan],
    ['actor', { actorId: 'user-clerk', types: ['PermitTaken'] }, hamedan],
    ['role', { role: 'clerk', category: 'permit' }, hamedan],
    ['organisation', { office: 'notary-12' }, hamedan],
    ['type', { types: ['PermitTaken'], role: 'clerk' }, hamedan],
    ['category', { category: 'permit' }, hamedan],
    ['region', {}, [{ municipality: 'hamedan', regions: ['1', '2'] }]],
    ['subject', { subject: 'permit:p1', actorId: 'user-clerk' }, hamedan],
    ['time', { since: at(1), before: at(5) }, hamedan],
  ];

  it.each(filters)(
    'reads an index newest first for a filter by %s, never the whole log',
    (_, filter, areas) => {
      const bounds = log.seqBounds(filter)!;
      for (const lane of lanesOf(areas[0]!, filter)) {
        const { sql, params } = log.laneQuery(lane, areas, filter, bounds, 20);
        const plan = readModels.db
          .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
          .all(...params)
          .map((row) => row.detail);
        expect(plan.some((step) => /SEARCH (e|s) USING (COVERING )?INDEX|PRIMARY KEY/.test(step))).toBe(true);
        expect(plan.filter((step) => /^SCAN/.test(step))).toEqual([]);
        expect(plan.filter((step) => /TEMP B-TREE/.test(step))).toEqual([]);
      }
    },
  );

  it.each([
    ['type', { actorId: 'user-clerk', types: ['PermitReturned'] }, 'audit_by_actor_type', ['PermitReturned']],
    [
      'category',
      { actorId: 'user-clerk', category: 'permit' },
      'audit_by_actor_category',
      ['PermitReturned', 'PermitTaken'],
    ],
  ] as [string, AuditFilter, string, string[]][])(
    'seeks an actor’s events of one %s in their own index',
    (_, filter, index, found) => {
      const [lane] = lanesOf(hamedan[0]!, filter);
      const { sql, params } = log.laneQuery(lane!, hamedan, filter, log.seqBounds(filter)!, 20);
      const plan = readModels.db
        .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...params)
        .map((row) => row.detail);
      expect(plan).toEqual([
        expect.stringMatching(
          new RegExp(`SEARCH e USING INDEX ${index} \\(municipality=\\? AND actor_id=\\? AND \\w+=\\?`),
        ),
      ]);
      expect(log.search(hamedan, filter, 20).map((r) => r.type)).toEqual(found);
    },
  );
});

/** An audit log built from the streams' events, in a directory of its own; `close` removes it. */
async function auditLogOf(
  streams: readonly (readonly [string, readonly NewEvent[]])[],
): Promise<{ log: AuditLogReadModel; readModels: ReadModelDatabase; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'daftar-audit-'));
  const store = new SqliteEventStore(join(dir, 'events.db'), { pollIntervalMs: 20 });
  for (const [stream, events] of streams) await store.append(stream, events, { expectedRevision: 'any' });
  const readModels = new ReadModelDatabase(join(dir, 'read-models.db'));
  const runner = new SubscriberRunner(store, readModels, []);
  runner.register(new AuditLogSubscriber(readModels));
  runner.start();
  await runner.caughtUp();
  await runner.stop();
  const close = async () => {
    readModels.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { log: new AuditLogReadModel(readModels), readModels, close };
}

const draft = (permitId: string, renewalCode: string) => ({
  permitId,
  municipality: 'hamedan',
  renewalCode,
  applicationType: 'NewConstruction',
  applicantNationalId: '0012345678',
});

describe('the audit log’s time filter, when log order and recorded time disagree', () => {
  it('finds an entry appended after a later one (a read recorded in the background)', async () => {
    const { log, close } = await auditLogOf([
      ['permit-p1', [newEvent('PermitDraftOpened', draft('p1', '2-1-1-1-0-0-0'), clerk, 11)]],
      ['permit-p2', [newEvent('PermitDraftOpened', draft('p2', '2-1-1-1-0-0-0'), clerk, 10)]],
    ]);
    try {
      const times = (filter: AuditFilter) =>
        log.search([{ municipality: 'hamedan' }], filter, 50).map((r) => r.recordedAt);
      expect(times({ since: at(10) })).toEqual([at(10), at(11)]);
      expect(times({ since: at(11) })).toEqual([at(11)]);
      expect(times({ before: at(11) })).toEqual([at(10)]);
    } finally {
      await close();
    }
  });
});

describe('the audit log after a page it could not write', () => {
  it('writes the page’s good entries again at the times they were recorded', async () => {
    // Data it cannot describe (a read record naming nothing read): the page fails and is written again
    // one event at a time.
    const unplaceable = newEvent('AccessRecorded', {}, clerk, 40);
    const { readModels, close } = await auditLogOf([
      ['permit-p2', [newEvent('PermitDraftOpened', draft('p2', '2-1-1-1-0-0-0'), clerk, 10)]],
      ['permit-p4', [newEvent('PermitDraftOpened', draft('p4', '2-1-1-1-0-0-0'), clerk, 30)]],
      ['permit-p3', [unplaceable]],
    ]);
    try {
      const logged = readModels.db
        .prepare<[], { stream: string; loggedAt: string }>(
          'SELECT stream, logged_at AS loggedAt FROM audit_entries ORDER BY seq',
        )
        .all();
      expect(logged).toEqual([
        { stream: 'permit-p2', loggedAt: at(10) },
        { stream: 'permit-p4', loggedAt: at(30) },
      ]);
    } finally {
      await close();
    }
  });
});

describe('the audit log’s layout', () => {
  it('is rebuilt from the event log when stored in layout 3 (counts without regions)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'daftar-audit-layout-'));
    const readModels = new ReadModelDatabase(join(dir, 'read-models.db'));
    try {
      readModels.db.exec(`CREATE TABLE audit_actor_days (actor_id TEXT NOT NULL, municipality TEXT NOT NULL,
        day TEXT NOT NULL, type TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (actor_id, municipality, day, type))`);
      // Layout 3 counted an actor's events per city only, so oversight of regions saw the whole city's.
      readModels.saveCheckpoint(AUDIT_LOG_SUBSCRIBER, '42', 3);
      prepareAuditTables(readModels);
      expect(readModels.checkpoint(AUDIT_LOG_SUBSCRIBER)).toEqual({
        position: undefined,
        version: AUDIT_LOG_VERSION,
      });
      const columns = readModels.db
        .prepare<[], { name: string }>("SELECT name FROM pragma_table_info('audit_actor_days')")
        .all()
        .map((c) => c.name);
      expect(columns).toContain('region');
    } finally {
      readModels.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the audit log of oversight limited to regions, and of audit queries over several cities', () => {
  const region2: AuditArea[] = [{ municipality: 'hamedan', regions: ['2'] }];
  const manager: Actor = { id: 'user-province', role: 'oversight', municipality: 'hamedan' };
  const read = (subject: string, region: string | undefined, minute: number) =>
    newEvent(
      'AccessRecorded',
      {
        what: 'permit_file',
        subject,
        citizens: ['0012345678'],
        municipality: 'hamedan',
        ...(region ? { region } : {}),
        purpose: 'بررسی',
      },
      clerk,
      minute,
    );
  const queried = (areas: AuditArea[], minute: number) =>
    newEvent('AuditQueried', { query: 'events', filters: {}, results: 0, areas }, manager, minute);
  let built: Awaited<ReturnType<typeof auditLogOf>>;

  beforeAll(async () => {
    built = await auditLogOf([
      [
        'permit-p2',
        [
          newEvent('PermitDraftOpened', draft('p2', '2-1-1-1-0-0-0'), citizen, 0),
          newEvent('PermitTaken', { permitId: 'p2', clerkId: 'user-clerk' }, clerk, 1),
        ],
      ],
      [
        'permit-p3',
        [
          newEvent('PermitDraftOpened', draft('p3', '3-1-1-1-0-0-0'), citizen, 2),
          newEvent('PermitTaken', { permitId: 'p3', clerkId: 'user-clerk' }, clerk, 3),
          newEvent('PermitReturned', { permitId: 'p3', reasons: [{ reason: 'ناقص' }] }, clerk, 4),
        ],
      ],
      ['access-c', [read('p2', '2', 5), read('p3', '3', 6), read('p1', undefined, 7)]],
      [
        'audit-o',
        [
          queried([{ municipality: 'malayer' }], 8),
          queried([{ municipality: 'malayer' }, { municipality: 'hamedan' }], 9),
        ],
      ],
    ]);
  });
  afterAll(() => built.close());

  it('counts an actor’s events per day, and the files they touched, in the manager’s regions only', () => {
    const { log } = built;
    expect(log.actorDays('user-clerk', region2)).toEqual([
      { day: '2026-12-03', type: 'AccessRecorded', count: 1 },
      { day: '2026-12-03', type: 'PermitTaken', count: 1 },
    ]);
    expect(log.actorStreams('user-clerk', region2, 10).map((f) => [f.stream, f.count])).toEqual([
      ['access-c', 1],
      ['permit-p2', 1],
    ]);
    const whole = log.actorDays('user-clerk', [{ municipality: 'hamedan' }]);
    expect(whole.map((d) => [d.type, d.count])).toEqual([
      ['AccessRecorded', 3],
      ['PermitReturned', 1],
      ['PermitTaken', 2],
    ]);
    expect(log.actorStreams('user-clerk', [{ municipality: 'hamedan', regions: ['9'] }], 10)).toEqual([]);
  });

  it('finds a read in the region of the record read; an older read of no region city-wide only', () => {
    const reads = (areas: AuditArea[]) =>
      built.log.search(areas, { types: ['AccessRecorded'] }, 10).map((r) => r.subject);
    expect(reads(region2)).toEqual(['permit:p2']);
    expect(reads([{ municipality: 'hamedan', regions: ['3'] }])).toEqual(['permit:p3']);
    expect(reads([{ municipality: 'hamedan' }])).toEqual(['permit:p1', 'permit:p3', 'permit:p2']);
  });

  it('shows an audit query to every city it covered, once each, and pages past all its places', () => {
    const { log } = built;
    const ids = (areas: AuditArea[], filter: AuditFilter = {}) =>
      log.search(areas, { ...filter, types: ['AuditQueried'] }, 10).map((r) => r.eventId);
    const [wide, malayerOnly] = ids([{ municipality: 'malayer' }]);
    expect(ids([{ municipality: 'hamedan' }])).toEqual([wide]);
    expect(ids([{ municipality: 'qazvin' }])).toEqual([]);
    const province: AuditArea[] = [{ municipality: 'hamedan' }, { municipality: 'malayer' }];
    expect(ids(province)).toEqual([wide, malayerOnly]);

    const paged: string[] = [];
    let beforeSeq: number | undefined;
    for (let page = 0; page < 5; page++) {
      const [row] = log.search(province, { types: ['AuditQueried'], ...(beforeSeq ? { beforeSeq } : {}) }, 1);
      if (row === undefined) break;
      paged.push(row.eventId);
      beforeSeq = row.seq;
    }
    expect(paged).toEqual([wide, malayerOnly]);

    expect(log.byEventId(wide!, [{ municipality: 'hamedan' }])).toMatchObject({ municipality: 'hamedan' });
    expect(log.byEventId(malayerOnly!, [{ municipality: 'hamedan' }])).toBeUndefined();
  });
});
