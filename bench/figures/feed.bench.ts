import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { NewEvent } from '../../src/event-store/event-envelope.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { PUBLISHED_TYPES } from '../../src/feed/policy/event-policies.js';
import { measureLoops, percentile, round, type BenchContext, type BenchFigure } from '../figure.js';
import { startServer, type Readiness } from '../http-server.js';
import { syntheticAuditLog } from './audit-log-events.js';
import { demoToken } from './demo-token.js';

const LOG_SIZE = 50_000;
const PAGE = 1000;

/** A synthetic year of three municipalities' work appended after the demo, as the store records it. */
async function fill(store: SqliteEventStore): Promise<void> {
  const synthetic = syntheticAuditLog(LOG_SIZE);
  for (let stored = 0; stored < LOG_SIZE; stored += 10_000) {
    await Promise.all(
      synthetic
        .page(10_000)
        .map(({ id, stream, type, data, metadata }) =>
          store.append(stream, [{ id, type, data, metadata } as NewEvent], { expectedRevision: 'any' }),
        ),
    );
  }
}

/**
 * Ready, or only refusing to be because of read models that stopped on the synthetic events (thinner
 * than real ones): the feed reads the log, and nothing catches up beside the measurement.
 */
const settled: Readiness = {
  isReady: async (res) => res.status === 200 || !(await res.text()).includes('catching up'),
  timeoutMs: 600_000,
};

/** Events/s of pages of 1000 read in sequence from the start, round and round, by `readPage`. */
async function eventsPerSecond(
  readPage: (after: string | undefined) => Promise<{ count: number; next: string | undefined }>,
): Promise<{ value: number; p50Ms: number; p99Ms: number }> {
  let after: string | undefined;
  const measured = await measureLoops(1, async () => {
    const { count, next } = await readPage(after);
    after = count === 0 ? undefined : next;
    return count;
  });
  return {
    value: Math.round(measured.count / measured.seconds),
    p50Ms: percentile(measured.latenciesMs, 50),
    p99Ms: percentile(measured.latenciesMs, 99),
  };
}

/**
 * `feed.read`: events/s through `GET /feed` (pages of 1000, read in sequence, as an integrator without
 * `pii` reads them: scoped, upcast, through the data policy, as CloudEvents, parsed by the client)
 * over the demo and a synthetic year of 50,000 events, against `store.readAll` of the same published
 * events in pages of 1000 in this process (goal: at least half that rate).
 */
const feedRead: BenchFigure = {
  name: 'feed.read',
  async run(context: BenchContext) {
    const dataDir = join(context.dir, 'data');
    // The demo seeds only an empty store: first the demo, then the year after it.
    await (await startServer(dataDir)).stop();
    const filling = new SqliteEventStore(join(dataDir, 'events.db'));
    try {
      context.log(`appending ${LOG_SIZE} synthetic events`);
      await fill(filling);
    } finally {
      await filling.close();
    }
    // Opened afresh, as the server opens it: a store that has just appended holds its newest events in memory.
    const store = new SqliteEventStore(join(dataDir, 'events.db'));
    let direct;
    try {
      context.log('reading the published events with store.readAll');
      direct = await eventsPerSecond(async (after) => {
        // SQLite reads without yielding: a turn of the event loop a page lets the clock's timers run.
        await nextTurn();
        const page = await store.readAll(after, { maxCount: PAGE, types: PUBLISHED_TYPES });
        return { count: page.events.length, next: page.nextPosition };
      });
    } finally {
      await store.close();
    }
    context.log('starting the server; its read models catch up first');
    const server = await startServer(dataDir, { DAFTAR_FEED_RATE_LIMIT: '10000000' }, settled);
    try {
      const headers = { authorization: `Bearer ${await demoToken(server.url, 'integrator')}` };
      context.log('reading GET /feed as the demo integrator');
      const feed = await eventsPerSecond(async (after) => {
        const res = await fetch(`${server.url}/feed?limit=${PAGE}${after ? `&after=${after}` : ''}`, {
          headers,
        });
        if (!res.ok) throw new Error(`GET /feed answered ${res.status}`);
        const events = (await res.json()) as unknown[];
        return { count: events.length, next: res.headers.get('x-next-cursor') ?? undefined };
      });
      return {
        name: 'feed.read',
        value: feed.value,
        unit: 'events/s',
        pageP50Ms: feed.p50Ms,
        pageP99Ms: feed.p99Ms,
        storeReadAll: direct.value,
        ratio: round(feed.value / direct.value, 2),
        goalRatio: 0.5,
      };
    } finally {
      await server.stop();
    }
  },
};

export const feedFigures: readonly BenchFigure[] = [feedRead];
