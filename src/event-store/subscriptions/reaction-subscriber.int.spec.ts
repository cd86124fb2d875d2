import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { event } from '../../../test/event-store/event-store.contract.js';
import { DomainError } from '../../shared/domain-error.js';
import type { RecordedEvent } from '../event-envelope.js';
import { StoreUnavailable } from '../event-store.errors.js';
import { SqliteEventStore } from '../sqlite/sqlite-event-store.js';
import { ReactionSubscriber, type Reaction } from './reaction-subscriber.js';
import { ReactionCheckpoints } from './reaction-checkpoints.js';
import { ReadModelDatabase } from './read-model-database.js';
import { until } from '../../../test/support/until.js';
import { SubscriberRunner } from './subscriber-runner.js';

const fast = { attempts: 3, firstDelayMs: 1 };

describe('ReactionSubscriber over real SQLite files', () => {
  let dir: string;
  let store: SqliteEventStore;
  let checkpoints: ReactionCheckpoints;
  let readModels: ReadModelDatabase;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'daftar-reactions-'));
    store = new SqliteEventStore(join(dir, 'events.db'), { pollIntervalMs: 20 });
    checkpoints = new ReactionCheckpoints(join(dir, 'reactions.db'));
    readModels = new ReadModelDatabase(join(dir, 'read-models.db'));
  });
  afterEach(async () => {
    await store.close();
    checkpoints.close();
    readModels.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function recording(react: (e: RecordedEvent) => Promise<void> = async () => {}) {
    const seen: string[] = [];
    const reaction: Reaction = {
      name: 'recorder',
      handles: ['ThingHappened'],
      react: async (e) => {
        await react(e);
        seen.push(String((e.data as { n: number }).n));
      },
    };
    return { reaction, seen };
  }

  async function run(reaction: Reaction) {
    const runner = new SubscriberRunner(store, readModels, []);
    runner.register(new ReactionSubscriber(reaction, checkpoints, fast));
    runner.start();
    await runner.caughtUp();
    return runner;
  }

  it('reacts to the events it handles, once each, and resumes after a restart', async () => {
    for (const n of [1, 2])
      await store.append('thing-1', [event('ThingHappened', { n })], { expectedRevision: 'any' });
    await store.append('thing-1', [event('SomethingElse', { n: 0 })], { expectedRevision: 'any' });
    const first = recording();
    await (await run(first.reaction)).stop();
    expect(first.seen).toEqual(['1', '2']);

    await store.append('thing-1', [event('ThingHappened', { n: 3 })], { expectedRevision: 'any' });
    const second = recording();
    const runner = await run(second.reaction);
    expect(second.seen).toEqual(['3']);
    const head = await store.headPosition();
    await expect(runner.waitFor(head!, { names: ['reaction:recorder'], timeoutMs: 30_000 })).resolves.toBe(
      true,
    );
    await runner.stop();
  });

  it('retries a failing reaction and goes on when it passes', async () => {
    let failures = 2;
    const { reaction, seen } = recording(async () => {
      if (failures-- > 0) throw new Error('transient');
    });
    await store.append('thing-1', [event('ThingHappened', { n: 1 })], { expectedRevision: 'any' });
    const runner = await run(reaction);
    expect(seen).toEqual(['1']);
    expect(runner.statuses()[0]!.state).toBe('live');
    await runner.stop();
  });

  it('parks an event that keeps failing, with the later events of its stream, and goes on with the others', async () => {
    let broken = true;
    const { reaction, seen } = recording(async (e) => {
      if (broken && (e.data as { n: number }).n === 2) throw new Error('a name that cannot be signed');
    });
    await store.append('thing-1', [event('ThingHappened', { n: 1 })], { expectedRevision: 'any' });
    await store.append('thing-1', [event('ThingHappened', { n: 2 })], { expectedRevision: 'any' });
    await store.append('thing-2', [event('ThingHappened', { n: 3 })], { expectedRevision: 'any' });
    await store.append('thing-1', [event('ThingHappened', { n: 4 })], { expectedRevision: 'any' });
    await store.append('thing-2', [event('ThingHappened', { n: 5 })], { expectedRevision: 'any' });
    const runner = await run(reaction);
    expect([...new Set(seen)].sort()).toEqual(['1', '3', '5']);
    expect(runner.statuses()[0]).toMatchObject({ name: 'reaction:recorder', state: 'live', parked: 2 });
    const { items } = checkpoints.parked.list();
    expect(items).toMatchObject([
      {
        subscriber: 'reaction:recorder',
        stream: 'thing-1',
        reason: 'failed',
        message: 'a name that cannot be signed',
      },
      { subscriber: 'reaction:recorder', stream: 'thing-1', reason: 'held' },
    ]);
    await runner.stop();

    // Parked past the checkpoint, in its transaction: a restart neither loses nor repeats them.
    seen.length = 0;
    const again = await run(reaction);
    expect(seen).toEqual([]);
    expect(again.statuses()[0]).toMatchObject({ state: 'live', parked: 2 });
    await store.append('thing-1', [event('ThingHappened', { n: 6 })], { expectedRevision: 'any' });
    expect(await again.waitFor((await store.headPosition())!, { timeoutMs: 30_000 })).toBe(true);
    expect(checkpoints.parked.list().items.map((p) => p.reason)).toEqual(['failed', 'held', 'held']);

    const subscriber = again.subscriber('reaction:recorder') as ReactionSubscriber;
    await expect(subscriber.retry(items[1]!.eventId)).rejects.toMatchObject({
      code: 'PARKED_EVENT.NOT_FIRST',
    });
    await expect(subscriber.retry(items[0]!.eventId)).resolves.toMatchObject({
      outcome: 'failed',
      processed: [],
      failure: { eventId: items[0]!.eventId, message: 'a name that cannot be signed' },
    });
    broken = false;
    const outcome = await subscriber.retry(items[0]!.eventId);
    expect(outcome).toMatchObject({ outcome: 'processed' });
    expect(outcome.processed).toHaveLength(3);
    expect(seen).toEqual(['2', '4', '6']);
    expect(checkpoints.parked.list()).toEqual({ items: [], total: 0 });
    expect(again.statuses()[0]).toMatchObject({ state: 'live', parked: 0 });
    await expect(subscriber.retry(items[0]!.eventId)).rejects.toMatchObject({
      code: 'PARKED_EVENT.NOT_FOUND',
    });

    await store.append('thing-1', [event('ThingHappened', { n: 7 })], { expectedRevision: 'any' });
    expect(await again.waitFor((await store.headPosition())!, { timeoutMs: 30_000 })).toBe(true);
    expect(seen).toEqual(['2', '4', '6', '7']);
    await again.stop();
  });

  it.each([
    [
      'something it needs is unavailable',
      () => new DomainError('READ_MODEL.BEHIND', 'behind', 'unavailable'),
    ],
    ['the log refuses its command for want of space', () => new StoreUnavailable('disk_full')],
    [
      'its own write finds the disk full',
      () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }),
    ],
  ])('waits and resubscribes, parking nothing, while %s', async (_, refusal) => {
    let outage = true;
    const { reaction, seen } = recording(async (e) => {
      if (outage && (e.data as { n: number }).n === 2) throw refusal();
    });
    for (const n of [1, 2, 3])
      await store.append('thing-1', [event('ThingHappened', { n })], { expectedRevision: 'any' });
    const runner = new SubscriberRunner(store, readModels, []);
    runner.register(new ReactionSubscriber(reaction, checkpoints, fast));
    runner.start();
    const retrying = await until('the reaction retries', () => {
      const [status] = runner.statuses();
      return status!.state === 'retrying' ? status : undefined;
    });
    expect(retrying).toMatchObject({
      name: 'reaction:recorder',
      parked: 0,
      retry: { eventType: 'ThingHappened', message: refusal().message, attempt: 1 },
    });
    expect(retrying!.failure).toBeUndefined();
    // At least once: the page is handed over again one event at a time to find the one that fails.
    expect([...new Set(seen)]).toEqual(['1']);

    outage = false;
    await runner.caughtUp();
    expect(runner.statuses()).toEqual([
      { name: 'reaction:recorder', state: 'live', position: await store.headPosition(), parked: 0 },
    ]);
    expect(seen.filter((n) => n !== '1')).toEqual(['2', '3']);
    expect(checkpoints.parked.list().total).toBe(0);
    await runner.stop();
  });

  it('handles the events of different streams at once, and of one stream in order', async () => {
    for (const n of [1, 2, 3]) {
      for (const stream of ['thing-a', 'thing-b']) {
        await store.append(stream, [event('ThingHappened', { n })], { expectedRevision: 'any' });
      }
    }
    let running = 0;
    let mostAtOnce = 0;
    const order: string[] = [];
    const reaction: Reaction = {
      name: 'overlapping',
      handles: ['ThingHappened'],
      react: async (e) => {
        running += 1;
        mostAtOnce = Math.max(mostAtOnce, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        order.push(`${e.stream}:${(e.data as { n: number }).n}`);
        running -= 1;
      },
    };
    const runner = await run(reaction);
    expect(mostAtOnce).toBe(2);
    expect(order.filter((o) => o.startsWith('thing-a'))).toEqual(['thing-a:1', 'thing-a:2', 'thing-a:3']);
    expect(order.filter((o) => o.startsWith('thing-b'))).toEqual(['thing-b:1', 'thing-b:2', 'thing-b:3']);
    await runner.stop();
  });

  it('takes a refusal of the rules as the outcome and goes on, without retrying it', async () => {
    let attempts = 0;
    const { reaction, seen } = recording(async (e) => {
      if ((e.data as { n: number }).n === 2) {
        attempts += 1;
        throw new DomainError('THING.CLOSED', 'The thing is closed', 'conflict');
      }
    });
    for (const n of [1, 2, 3])
      await store.append('thing-1', [event('ThingHappened', { n })], { expectedRevision: 'any' });
    const runner = await run(reaction);
    expect(seen).toEqual(['1', '3']);
    expect(attempts).toBe(1);
    expect(runner.statuses()[0]!.state).toBe('live');
    await runner.stop();
  });

  it('refuses a registration after the start', async () => {
    const runner = await run(recording().reaction);
    expect(() => runner.register(new ReactionSubscriber(recording().reaction, checkpoints))).toThrow(
      /after the start/,
    );
    await runner.stop();
  });
});
