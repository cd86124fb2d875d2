import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { anyProjection, type AnyProjection } from '../../../projections/projection.js';
import { streamsProjection, type StreamSummary } from '../../../projections/streams/streams.projection.js';
import { event } from '../../../test/event-store/event-store.contract.js';
import { SqliteEventStore } from '../sqlite/sqlite-event-store.js';
import { ReadModelDatabase } from './read-model-database.js';
import { until } from '../../../test/support/until.js';
import { rebuildProjections, SubscriberRunner } from './subscriber-runner.js';

const projections: readonly AnyProjection[] = [anyProjection(streamsProjection)];

/** A read-model file that cannot grow (SQLITE_FULL, as on a full disk) until `release`. */
function capped(readModels: ReadModelDatabase): { release(): void } {
  const pages = readModels.db.pragma('page_count', { simple: true }) as number;
  readModels.db.pragma(`max_page_count = ${pages}`);
  return { release: () => void readModels.db.pragma('max_page_count = 4294967294') };
}

describe('SubscriberRunner over real SQLite files', () => {
  let dir: string;
  let store: SqliteEventStore;
  let readModels: ReadModelDatabase;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'daftar-subscribers-'));
    store = new SqliteEventStore(join(dir, 'events.db'), { pollIntervalMs: 20 });
    readModels = new ReadModelDatabase(join(dir, 'read-models.db'));
  });
  afterEach(async () => {
    await store.close();
    readModels.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function appendEvents(streams: number, perStream: number): Promise<void> {
    for (let s = 0; s < streams; s += 1) {
      for (let n = 0; n < perStream; n += 1) {
        await store.append(`thing-${s}`, [event('ThingChanged', { n })], { expectedRevision: 'any' });
      }
    }
  }

  function summaries(): StreamSummary[] {
    return readModels.db
      .prepare<[], { doc: string }>('SELECT doc FROM rm_streams ORDER BY id')
      .all()
      .map((row) => JSON.parse(row.doc) as StreamSummary);
  }

  it('projects every event exactly once across a stop and a restart', async () => {
    await appendEvents(5, 10);
    const first = new SubscriberRunner(store, readModels, projections);
    first.start();
    await first.caughtUp();
    expect(summaries().map((s) => s.eventCount)).toEqual([10, 10, 10, 10, 10]);
    await first.stop();

    await appendEvents(5, 3);
    const second = new SubscriberRunner(store, readModels, projections);
    second.start();
    await second.caughtUp();
    expect(summaries().map((s) => s.eventCount)).toEqual([13, 13, 13, 13, 13]);
    expect(second.statuses()).toEqual([
      { name: 'projection:streams', state: 'live', position: await store.headPosition() },
    ]);

    // Live: a new event reaches the read model without a restart.
    const { position } = await store.append('thing-9', [event('ThingChanged')], {
      expectedRevision: 'no_stream',
    });
    expect(await second.waitFor(position, { timeoutMs: 30_000 })).toBe(true);
    expect(summaries().some((s) => s.stream === 'thing-9')).toBe(true);
    await second.stop();
  });

  it('a rebuild gives the same read model as incremental projection', async () => {
    await appendEvents(4, 5);
    const runner = new SubscriberRunner(store, readModels, projections);
    runner.start();
    await runner.caughtUp();
    await runner.stop();
    const incremental = summaries();
    const statuses = await rebuildProjections(store, readModels, projections);
    expect(statuses.map((s) => s.state)).toEqual(['stopped']);
    expect(summaries()).toEqual(incremental);
  });

  it('rebuilds a projection whose version changed', async () => {
    await appendEvents(2, 4);
    const v1 = new SubscriberRunner(store, readModels, projections);
    v1.start();
    await v1.caughtUp();
    await v1.stop();
    const v2 = new SubscriberRunner(store, readModels, [anyProjection({ ...streamsProjection, version: 2 })]);
    v2.start();
    await v2.caughtUp();
    await v2.stop();
    expect(summaries().map((s) => s.eventCount)).toEqual([4, 4]);
  });

  it('stops a subscriber on a poison event and reports it, while the others go on', async () => {
    await appendEvents(1, 2);
    await store.append('thing-poison', [event('Poison')], { expectedRevision: 'no_stream' });
    await appendEvents(1, 1);
    const poisoned: AnyProjection = {
      name: 'fragile',
      version: 1,
      handles: ['ThingChanged', 'Poison'],
      documentId: (e) => e.stream,
      evolve: (_doc, e) => {
        if (e.type === 'Poison') throw new Error('cannot read this event');
        return null;
      },
    };
    const runner = new SubscriberRunner(store, readModels, [...projections, poisoned]);
    runner.start();
    await runner.caughtUp();
    const [healthy, fragile] = runner.statuses();
    expect(healthy!.state).toBe('live');
    expect(fragile).toMatchObject({
      name: 'projection:fragile',
      state: 'failed',
      position: '2',
      failure: { position: '3', eventType: 'Poison', message: 'cannot read this event' },
    });
    expect(summaries().find((s) => s.stream === 'thing-0')!.eventCount).toBe(3);
    // Read-your-writes through a stopped read model does not count as read.
    expect(await runner.waitFor('1', { names: ['projection:fragile'] })).toBe(false);
    expect(await runner.waitFor('1', { names: ['projection:streams'] })).toBe(true);
    await runner.stop();
    expect(runner.statuses()[1]!.state).toBe('failed');
  });

  it('lets a subscriber whose file is full wait, then catch up by itself, each event counted once', async () => {
    await appendEvents(2, 2);
    const runner = new SubscriberRunner(store, readModels, projections);
    runner.start();
    await runner.caughtUp();
    const disk = capped(readModels);

    // The log takes the events; the read model's file cannot grow to hold their documents.
    await appendEvents(200, 2);
    const retrying = await until(
      'the projection stops at the full file',
      () => {
        const [status] = runner.statuses();
        return status!.state === 'live' || status!.state === 'catching_up' ? undefined : status;
      },
      15_000,
    );
    expect(retrying).toMatchObject({
      name: 'projection:streams',
      state: 'retrying',
      retry: { eventType: 'ThingChanged', message: 'database or disk is full' },
    });
    expect(retrying.failure).toBeUndefined();
    const head = (await store.headPosition())!;
    expect(await runner.waitFor(head, { timeoutMs: 300 })).toBe(false);

    disk.release();
    expect(await runner.waitFor(head, { timeoutMs: 15_000 })).toBe(true);
    await until(
      'the projection is live again',
      () => (runner.statuses()[0]!.state === 'live' ? true : undefined),
      15_000,
    );
    expect(runner.statuses()).toEqual([{ name: 'projection:streams', state: 'live', position: head }]);
    // thing-0 and thing-1 (first by id) had two events before.
    expect(summaries().map((s) => s.eventCount)).toEqual([4, 4, ...Array.from({ length: 198 }, () => 2)]);
    await runner.stop();
  });

  it('does not retry an event that fails of its own making', async () => {
    await store.append('thing-poison', [event('Poison')], { expectedRevision: 'no_stream' });
    let tries = 0;
    const runner = new SubscriberRunner(store, readModels, [
      {
        name: 'fragile',
        version: 1,
        handles: ['Poison'],
        documentId: (e) => e.stream,
        evolve: () => {
          tries += 1;
          throw new Error('cannot read this event');
        },
      },
    ]);
    runner.start();
    await runner.caughtUp();
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(runner.statuses()[0]).toMatchObject({
      state: 'failed',
      failure: { eventType: 'Poison', message: 'cannot read this event' },
    });
    // Once as a page, once alone to name it; never again.
    expect(tries).toBe(2);
    await runner.stop();
  });
  it('stops a subscriber whose checkpoint is past the end of the log, and says why', async () => {
    await appendEvents(2, 3);
    const first = new SubscriberRunner(store, readModels, projections);
    first.start();
    await first.caughtUp();
    await first.stop();

    // The store is replaced by a shorter one while the read models are kept.
    await store.close();
    store = new SqliteEventStore(join(dir, 'events-reset.db'), { pollIntervalMs: 20 });
    await appendEvents(1, 1);
    const second = new SubscriberRunner(store, readModels, projections);
    second.start();
    await second.caughtUp();
    expect(second.statuses()[0]).toMatchObject({
      state: 'failed',
      failure: { reason: 'beyond_head', position: '6' },
    });
    expect(second.statuses()[0]!.failure!.message).toMatch(/past the end of the log/);
    expect(await second.waitFor('1', { timeoutMs: 1000 })).toBe(false);
    await second.stop();
  });
});
