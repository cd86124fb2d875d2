import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewEvent } from '../../event-store/event-envelope.js';
import type { AppendOptions, EventStore } from '../../event-store/event-store.port.js';
import { SqliteEventStore } from '../../event-store/sqlite/sqlite-event-store.js';
import { Caller } from '../../identity/auth/caller.decorator.js';
import type { Principal } from '../../identity/principal.js';
import type { Grant } from '../../identity/roles.js';
import { DomainError } from '../../shared/domain-error.js';
import { until } from '../../../test/support/until.js';
import type { DataAccess } from '../audit-trail.js';
import { AUDIT_OUTBOX_FILE, AuditOutbox } from './audit-outbox.js';
import {
  BackgroundAuditTrail,
  readerStream,
  DEFAULT_RECORDER_OPTIONS,
  type RecorderOptions,
} from './background-audit-trail.js';

const CITIZEN = '0012345678';
const clerkGrant: Grant = { role: 'clerk', municipality: 'hamedan' };
const principal = (id: string, nationalId?: string): Principal => ({
  kind: 'user',
  id,
  displayName: id,
  grants: [clerkGrant],
  authenticatedBy: 'password_token',
  ...(nationalId ? { nationalId } : {}),
});
const callerOf = (who: Principal, purpose?: string) =>
  new Caller(who, clerkGrant, 'req-1', 'corr-1', '2026-11-25T10:00:00.000Z', undefined, undefined, purpose);
const clerk = callerOf(principal('user-clerk'));
const fileRead: DataAccess = {
  what: 'permit_file',
  subject: 'permit-1',
  citizens: [CITIZEN],
  municipality: 'hamedan',
};

/**
 * A store whose appends fail while `failing` is true, or are written but answered with a failure while
 * `losingAnswers` is (the connection dropped after the commit), counting every append it is asked for.
 */
class FlakyStore {
  failing = false;
  losingAnswers = false;
  /** Set to hold appends until it resolves (a slow store). */
  slow: Promise<void> | undefined;
  appends = 0;
  constructor(readonly inner: EventStore) {}
  async append(stream: string, events: readonly NewEvent[], options: AppendOptions) {
    this.appends += 1;
    await this.slow;
    if (this.failing) throw new Error('disk full');
    const result = await this.inner.append(stream, events, options);
    if (this.losingAnswers) throw new Error('connection reset');
    return result;
  }
}

/** What the application does at shutdown: the trail's last writes, then (the server closed) the outbox. */
async function shutDown(trail: BackgroundAuditTrail): Promise<void> {
  await trail.beforeApplicationShutdown();
  trail.onApplicationShutdown();
}

describe('BackgroundAuditTrail over a real SQLite store', () => {
  let store: SqliteEventStore;
  let flaky: FlakyStore;
  let dataDir: string;
  const trails: BackgroundAuditTrail[] = [];
  const options = (overrides: Partial<RecorderOptions>): RecorderOptions => ({
    ...DEFAULT_RECORDER_OPTIONS,
    retryMs: 5,
    maxRetryMs: 20,
    ...overrides,
  });
  const trail = (overrides: Partial<RecorderOptions> = {}) => {
    const made = new BackgroundAuditTrail(
      flaky as unknown as EventStore,
      new AuditOutbox(new Database(':memory:')),
      options(overrides),
    );
    trails.push(made);
    return made;
  };
  /**
   * A trail whose outbox is a file in the data directory, with its own way to the store, and a crash:
   * the outbox's handle closed as the process's death would, and the trail writing nothing more.
   */
  const durableTrail = (overrides: Partial<RecorderOptions> = {}) => {
    const outbox = AuditOutbox.open(dataDir);
    const own = new FlakyStore(store);
    const made = new BackgroundAuditTrail(own as unknown as EventStore, outbox, options(overrides));
    const crash = async () => {
      // The reads' turn of the event loop has ended (their records committed), then the process dies.
      await new Promise((resolve) => setImmediate(resolve));
      outbox.close();
      own.failing = true;
      await shutDown(made);
    };
    return { trail: made, store: own, crash };
  };
  const recorded = () => store.readStream(readerStream('access', 'user-clerk'));
  const outboxRows = () => {
    const db = new Database(join(dataDir, AUDIT_OUTBOX_FILE), { readonly: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM audit_outbox').get() as { n: number }).n;
    } finally {
      db.close();
    }
  };

  let timers: jest.SpyInstance;
  /** The delays the trails asked for before a flush of their own. */
  const flushDelays = (): unknown[] =>
    timers.mock.calls.filter(([callback]) => String(callback).includes('flush')).map(([, ms]) => ms);

  beforeEach(() => {
    timers = jest.spyOn(global, 'setTimeout');
    store = new SqliteEventStore(':memory:');
    flaky = new FlakyStore(store);
    dataDir = mkdtempSync(join(tmpdir(), 'daftar-outbox-'));
  });
  afterEach(async () => {
    timers.mockRestore();
    flaky.failing = false;
    await Promise.all(trails.splice(0).map(shutDown));
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('queues without writing, then writes a batch in one append per reader, the reader as actor', async () => {
    const recorder = trail();
    recorder.accessed(clerk, fileRead);
    recorder.accessed(callerOf(principal('user-clerk'), 'بررسی پرونده'), {
      ...fileRead,
      what: 'permit_attachment',
    });
    expect(flaky.appends).toBe(0);
    await recorder.flush();
    expect(flaky.appends).toBe(1);
    const events = await recorded();
    expect(events.map((e) => [e.type, e.data])).toEqual([
      ['AccessRecorded', { ...fileRead, purpose: 'permit file review' }],
      ['AccessRecorded', { ...fileRead, what: 'permit_attachment', purpose: 'بررسی پرونده' }],
    ]);
    expect(events[0]!.metadata.actor).toEqual({ id: 'user-clerk', role: 'clerk', municipality: 'hamedan' });
  });

  it('writes on a flush what was queued while an earlier write was still under way', async () => {
    const recorder = trail();
    let release!: () => void;
    flaky.slow = new Promise((resolve) => (release = resolve));
    recorder.accessed(clerk, fileRead);
    await new Promise((resolve) => setImmediate(resolve));
    const first = recorder.flush();
    recorder.accessed(clerk, { ...fileRead, what: 'permit_attachment' });
    await new Promise((resolve) => setImmediate(resolve));
    const second = recorder.flush();
    release();
    await Promise.all([first, second]);
    expect((await recorded()).map((e) => (e.data as { what: string }).what)).toEqual([
      'permit_file',
      'permit_attachment',
    ]);
  });

  it('writes by itself after the flush interval, and at once when a batch is full', async () => {
    const timed = trail({ flushMs: 20 });
    timed.accessed(clerk, fileRead);
    await until(
      'the interval wrote the record',
      async () => ((await recorded()).length === 1 ? true : undefined),
      10_000,
    );

    const full = trail({ flushMs: 60_000, batchSize: 3 });
    for (let i = 0; i < 3; i += 1) full.accessed(clerk, fileRead);
    await until(
      'the full batch was written',
      async () => ((await recorded()).length === 4 ? true : undefined),
      10_000,
    );
    // The waits the trails set themselves, exact whatever the machine's load: the interval, then a full
    // batch cutting its 60 s interval short.
    expect(flushDelays()).toEqual([20, 60_000, 0]);
  });

  it('retries a failed write with backoff until the store takes it, writing each record once', async () => {
    const recorder = trail({ flushMs: 1 });
    flaky.failing = true;
    recorder.accessed(clerk, fileRead);
    recorder.queried(clerk, { query: 'events', filters: { municipality: 'hamedan' }, results: 3 });
    await until('the write was retried', () => (flushDelays().length >= 5 ? true : undefined), 10_000);
    // The interval, then 5 ms doubling up to its 20 ms ceiling.
    expect(flushDelays().slice(0, 5)).toEqual([1, 5, 10, 20, 20]);
    expect(recorder.backlog).toBe(2);
    flaky.failing = false;
    await until('the retry got through', () => (recorder.backlog === 0 ? true : undefined), 10_000);
    expect(await recorded()).toHaveLength(1);
    expect((await store.readStream(readerStream('audit', 'user-clerk'))).map((e) => e.type)).toEqual([
      'AuditQueried',
    ]);
  });

  it('refuses a read with 503 AUDIT.RECORDING_UNAVAILABLE when the queue is full, dropping nothing', async () => {
    const recorder = trail({ flushMs: 1, capacity: 2 });
    flaky.failing = true;
    recorder.accessed(clerk, fileRead);
    recorder.accessed(clerk, fileRead);
    let refusal: unknown;
    try {
      recorder.accessed(clerk, fileRead);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'AUDIT.RECORDING_UNAVAILABLE', kind: 'unavailable' });
    expect(recorder.backlog).toBe(2);
    flaky.failing = false;
    await shutDown(recorder);
    expect(await recorded()).toHaveLength(2);
  });

  it('commits the records of one turn of the event loop together, once the turn ends', async () => {
    const outbox = AuditOutbox.open(dataDir);
    try {
      const context = clerk.commandContext();
      const entry = (id: string) => ({
        id,
        stream: 'access-x',
        context,
        event: { type: 'AuditQueried' as const, data: { query: 'events', filters: {}, results: 0 } },
      });
      outbox.add([entry('a')]);
      outbox.add([entry('b')]);
      expect(outbox.entries()).toEqual([]);
      await new Promise((resolve) => setImmediate(resolve));
      expect(outbox.entries().map((e) => e.id)).toEqual(['a', 'b']);
      outbox.remove(['a']);
      expect(outbox.entries().map((e) => e.id)).toEqual(['b']);
    } finally {
      outbox.close();
    }
  });

  it('keeps queued records through a crash: the next start on the same data directory writes them once', async () => {
    // A flush far off and a failing store: nothing is written before the crash.
    const dead = durableTrail({ flushMs: 60_000, shutdownMs: 0 });
    dead.store.failing = true;
    dead.trail.accessed(clerk, fileRead);
    dead.trail.accessed(clerk, { ...fileRead, what: 'permit_attachment' });
    dead.trail.queried(clerk, { query: 'events', filters: { municipality: 'hamedan' }, results: 3 });
    await dead.crash();
    expect(outboxRows()).toBe(3);

    const next = durableTrail().trail;
    expect(next.backlog).toBe(3);
    await next.flush();
    expect(next.backlog).toBe(0);
    await shutDown(next);
    expect(outboxRows()).toBe(0);
    const events = await recorded();
    expect(events.map((e) => (e.data as { what: string }).what)).toEqual([
      'permit_file',
      'permit_attachment',
    ]);
    expect(events[0]!.metadata.recordedAt).toBe('2026-11-25T10:00:00.000Z');
    expect(await store.readStream(readerStream('audit', 'user-clerk'))).toHaveLength(1);
  });

  it('writes once a batch whose append succeeded but whose answer was lost, even grown before the retry', async () => {
    const dead = durableTrail({ flushMs: 60_000, shutdownMs: 0 });
    dead.trail.accessed(clerk, fileRead);
    dead.trail.accessed(clerk, { ...fileRead, subject: 'permit-2' });
    dead.store.losingAnswers = true;
    await dead.trail.flush();
    dead.store.losingAnswers = false;
    expect(await recorded()).toHaveLength(2);
    expect(dead.trail.backlog).toBe(2);

    // Retried as it was: the store answers the same ids without writing them again.
    await dead.trail.flush();
    expect(dead.trail.backlog).toBe(0);
    expect(await recorded()).toHaveLength(2);

    // Answer lost again, then a crash before the outbox was cleared, with another read queued behind it.
    dead.trail.accessed(clerk, { ...fileRead, subject: 'permit-3' });
    dead.store.losingAnswers = true;
    await dead.trail.flush();
    dead.store.losingAnswers = false;
    dead.trail.accessed(clerk, { ...fileRead, subject: 'permit-4' });
    await dead.crash();
    expect(outboxRows()).toBe(2);

    const next = durableTrail().trail;
    trails.push(next);
    await next.flush();
    expect(next.backlog).toBe(0);
    expect((await recorded()).map((e) => (e.data as { subject: string }).subject)).toEqual([
      'permit-1',
      'permit-2',
      'permit-3',
      'permit-4',
    ]);
  });

  it('records a list’s rows all together, or refuses the list without recording any of it', async () => {
    const recorder = trail({ flushMs: 60_000, capacity: 3 });
    const row = (subject: string): DataAccess => ({ ...fileRead, what: 'permit_summary', subject });
    recorder.accessedAll(clerk, [row('permit-1'), row('permit-2')]);
    expect(recorder.backlog).toBe(2);
    expect(() => recorder.accessedAll(clerk, [row('permit-3'), row('permit-4')])).toThrow(
      expect.objectContaining({ code: 'AUDIT.RECORDING_UNAVAILABLE' }),
    );
    expect(recorder.backlog).toBe(2);
  });

  it('keeps the other co-owners’ records when one owner’s id is no national id', async () => {
    const recorder = trail();
    recorder.accessed(clerk, { ...fileRead, citizens: [CITIZEN, '10100000000', '0499370899'] });
    await recorder.flush();
    const events = await recorded();
    expect(events.map((e) => (e.data as { citizens: string[] }).citizens)).toEqual([
      [CITIZEN],
      ['0499370899'],
    ]);
  });

  it('keeps the reads answered while the server stops, and refuses reads once the outbox is closed', async () => {
    const { trail: stopping } = durableTrail({ flushMs: 60_000 });
    await stopping.beforeApplicationShutdown();
    stopping.accessed(clerk, fileRead);
    stopping.onApplicationShutdown();
    expect(outboxRows()).toBe(1);
    expect(() => stopping.accessed(clerk, fileRead)).toThrow(
      expect.objectContaining({ code: 'AUDIT.RECORDING_UNAVAILABLE' }),
    );
    const next = durableTrail().trail;
    await shutDown(next);
    expect(await recorded()).toHaveLength(1);
  });

  it('refuses reads while the outbox cannot keep records, and takes them again once it can', async () => {
    const db = new Database(':memory:');
    const recorder = new BackgroundAuditTrail(
      flaky as unknown as EventStore,
      new AuditOutbox(db),
      options({}),
    );
    trails.push(recorder);
    recorder.accessed(clerk, fileRead);
    db.exec('DROP TABLE audit_outbox');
    await new Promise((resolve) => setImmediate(resolve));
    expect(() => recorder.accessed(clerk, fileRead)).toThrow(
      expect.objectContaining({ code: 'AUDIT.RECORDING_UNAVAILABLE' }),
    );
    db.exec('CREATE TABLE audit_outbox (id TEXT PRIMARY KEY, stream TEXT, event TEXT, context TEXT)');
    recorder.accessed(clerk, fileRead);
    await recorder.flush();
    expect(await recorded()).toHaveLength(2);
  });

  it('writes a record queued just before shutdown', async () => {
    const recorder = trail({ flushMs: 60_000 });
    recorder.accessed(clerk, fileRead);
    await shutDown(recorder);
    expect(await recorded()).toHaveLength(1);
  });

  it('records nothing when citizens read their own data, and refuses a bad purpose', async () => {
    const recorder = trail();
    recorder.accessed(callerOf(principal('user-citizen', CITIZEN)), fileRead);
    expect(recorder.backlog).toBe(0);
    expect(() => recorder.accessed(callerOf(principal('user-clerk'), 'x'.repeat(201)), fileRead)).toThrow(
      expect.objectContaining({ code: 'AUDIT.INVALID_PURPOSE' }),
    );
  });

  it('records for the co-owners when one owner reads a parcel they share, not for the reader', async () => {
    const CO_OWNER = '0499370899';
    const recorder = trail();
    const reader = callerOf(principal('user-clerk', CITIZEN));
    recorder.accessed(reader, { ...fileRead, citizens: [CITIZEN, CO_OWNER] });
    await recorder.flush();
    const events = await store.readStream(readerStream('access', 'user-clerk'));
    expect(events.map((e) => (e.data as { citizens: string[] }).citizens)).toEqual([[CO_OWNER]]);
  });

  it('names a reader’s stream by a hash, so that any actor id makes a valid stream', async () => {
    const recorder = trail();
    recorder.accessed(callerOf(principal('oidc:auth0|42@example')), fileRead);
    await recorder.flush();
    expect(recorder.backlog).toBe(0);
    expect(await store.readStream(readerStream('access', 'oidc:auth0|42@example'))).toHaveLength(1);
  });
});
