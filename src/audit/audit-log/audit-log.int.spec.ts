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

describe('the audit log’s time filter, when log order and recorded time disagree', () => {
  it('finds an entry appended after a later one (a read recorded in the background)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'daftar-audit-skew-'));
    const store = new SqliteEventStore(join(dir, 'events.db'), { pollIntervalMs: 20 });
    const draft = (permitId: string) => ({
      permitId,
      municipality: 'hamedan',
      renewalCode: '2-1-1-1-0-0-0',
      applicationType: 'NewConstruction',
      applicantNationalId: '0012345678',
    });
    await store.append('permit-p1', [newEvent('PermitDraftOpened', draft('p1'), clerk, 11)], {
      expectedRevision: 'no_stream',
    });
    await store.append('permit-p2', [newEvent('PermitDraftOpened', draft('p2'), clerk, 10)], {
      expectedRevision: 'no_stream',
    });
    const readModels = new ReadModelDatabase(join(dir, 'read-models.db'));
    try {
      const runner = new SubscriberRunner(store, readModels, []);
      runner.register(new AuditLogSubscriber(readModels));
      runner.start();
      await runner.caughtUp();
      await runner.stop();
      const log = new AuditLogReadModel(readModels);
      const times = (filter: AuditFilter) =>
        log.search([{ municipality: 'hamedan' }], filter, 50).map((r) => r.recordedAt);
      expect(times({ since: at(10) })).toEqual([at(10), at(11)]);
      expect(times({ since: at(11) })).toEqual([at(11)]);
      expect(times({ before: at(11) })).toEqual([at(10)]);
    } finally {
      readModels.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
